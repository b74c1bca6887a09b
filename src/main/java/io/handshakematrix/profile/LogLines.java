package io.handshakematrix.profile;

import java.util.List;

/**
 * Lines a stack prints for events that are not DH checks. Templates may use {@code {code}}
 * (OpenSSL's 8-hex-digit error code for a received alert), {@code {reason}} and {@code {alert}}.
 * {@code noEnabledCipher}: the server's own settings leave no suite its stack allows (JSSE words this
 * apart from "no suite in common"); empty = use {@code noSharedCipher}.
 * {@code peerClosed}: null when the profile does not say (the emulation then notes the close in its own
 * words); an empty list when the real stack prints nothing.
 * {@code alertAfterClientHello}: lines a client prints after the received-alert lines when the alert
 * answered its ClientHello (OpenSSL 1.0.x: the ssl3_write_bytes failure that follows it).
 * {@code peerClosedAlert}: the alert the stack sends when its peer closed during the handshake without a byte
 * more (OpenSSL 3.0's ssl3_read_n: "unexpected eof while reading" is raised as decode_error, 50); null: none.
 */
public record LogLines(List<String> alertReceived, List<String> peerClosed, List<String> noSharedCipher,
                       List<String> protocolMismatch, List<String> noEnabledCipher, List<String> alertAfterClientHello,
                       Integer peerClosedAlert) {

    public static final LogLines NONE = new LogLines(List.of(), null, List.of(), List.of(), List.of(), List.of());

    public LogLines(List<String> alertReceived, List<String> peerClosed, List<String> noSharedCipher,
                    List<String> protocolMismatch, List<String> noEnabledCipher, List<String> alertAfterClientHello) {
        this(alertReceived, peerClosed, noSharedCipher, protocolMismatch, noEnabledCipher, alertAfterClientHello, null);
    }
}
