package io.handshakematrix.model;

import java.util.List;

/**
 * What one real handshake did. {@code ok} carries protocol, cipher (OpenSSL name) and DH bits;
 * {@code fail} carries the side that gave up, the last handshake message that side received
 * before it stopped, the alert, and both sides' error lines. {@code tempKey}: the ephemeral key as OpenSSL
 * prints "Server Temp Key" ("ECDH, P-256, 256 bits"), null when none or unknown.
 */
public record HandshakeResult(
        Outcome outcome,
        String protocol,
        String cipher,
        Integer dhBits,
        Side failedSide,
        String stoppedAfter,
        Alert alert,
        List<String> senderErrors,
        List<String> receiverErrors,
        List<String> transcript,
        String detail,
        long durationMs,
        String tempKey) {

    /** A result without a temp key (every outcome but an ok ECDHE/DHE one from an engine that reports it). */
    public HandshakeResult(Outcome outcome, String protocol, String cipher, Integer dhBits, Side failedSide,
                           String stoppedAfter, Alert alert, List<String> senderErrors, List<String> receiverErrors,
                           List<String> transcript, String detail, long durationMs) {
        this(outcome, protocol, cipher, dhBits, failedSide, stoppedAfter, alert, senderErrors, receiverErrors,
                transcript, detail, durationMs, null);
    }

    /** This result with the ephemeral key named (an ok handshake's "Server Temp Key"). */
    public HandshakeResult withTempKey(String key) {
        return new HandshakeResult(outcome, protocol, cipher, dhBits, failedSide, stoppedAfter, alert, senderErrors,
                receiverErrors, transcript, detail, durationMs, key);
    }

    /** This result without its record transcript (reports and the journal keep a slim copy; the temp key stays). */
    public HandshakeResult withoutTranscript() {
        return new HandshakeResult(outcome, protocol, cipher, dhBits, failedSide, stoppedAfter, alert, senderErrors,
                receiverErrors, List.of(), detail, durationMs, tempKey);
    }

    public static HandshakeResult error(String detail, long durationMs) {
        return new HandshakeResult(Outcome.ERROR, null, null, null, null, null, null, List.of(), List.of(),
                List.of(), detail, durationMs);
    }

    public static HandshakeResult skipped(String reason) {
        return new HandshakeResult(Outcome.SKIPPED, null, null, null, null, null, null, List.of(), List.of(),
                List.of(), reason, 0);
    }

    /** Short words for tables: "ok TLSv1.2 DHE-RSA-AES256-SHA DH 1024" or "fail sender: dh key too small (alert 40)". */
    public String summary() {
        return switch (outcome) {
            case OK -> "ok " + protocol + " " + cipher + (dhBits != null ? " DH " + dhBits
                    : tempKey != null && tempKey.startsWith("ECDH") ? " " + tempKey : "");
            case FAIL -> "fail " + (failedSide == null ? "" : failedSide.label()) + ": " + reason()
                    + (alert == null ? " (no alert)" : " (alert " + alert.code() + ")");
            default -> outcome.label() + (detail == null ? "" : ": " + detail);
        };
    }

    /** The reason text of the failing side's first error line: "bad dh g value". */
    public String reason() {
        List<String> lines = failedSide == Side.RECEIVER ? receiverErrors : senderErrors;
        if (lines == null || lines.isEmpty()) {
            return detail == null ? "?" : detail;
        }
        return OpensslErrorLine.reason(lines.get(0));
    }
}
