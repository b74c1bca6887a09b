package io.handshakematrix.profile;

import java.util.List;

/**
 * Lines a stack prints for events that are not DH checks. Templates may use {@code {code}}
 * (OpenSSL's 8-hex-digit error code for a received alert), {@code {reason}} and {@code {alert}}.
 * {@code noEnabledCipher}: the server's own settings leave no suite its stack allows (JSSE words this
 * apart from "no suite in common"); empty = use {@code noSharedCipher}.
 */
public record LogLines(List<String> alertReceived, List<String> peerClosed, List<String> noSharedCipher,
                       List<String> protocolMismatch, List<String> noEnabledCipher) {

    public static final LogLines NONE = new LogLines(List.of(), List.of(), List.of(), List.of(), List.of());
}
