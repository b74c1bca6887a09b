package io.handshakematrix.profile;

import java.util.List;

/**
 * Lines a stack prints for events that are not DH checks. Templates may use {@code {code}}
 * (OpenSSL's 8-hex-digit error code for a received alert), {@code {reason}} and {@code {alert}}.
 */
public record LogLines(List<String> alertReceived, List<String> peerClosed, List<String> noSharedCipher,
                       List<String> protocolMismatch) {

    public static final LogLines NONE = new LogLines(List.of(), List.of(), List.of(), List.of());
}
