package io.handshakematrix.model;

import java.util.List;

/**
 * What one real handshake did. {@code ok} carries protocol, cipher (OpenSSL name) and DH bits;
 * {@code fail} carries the side that gave up, the last handshake message that side received
 * before it stopped, the alert, and both sides' error lines. {@code tempKey}: the ephemeral key as OpenSSL
 * prints "Server Temp Key" ("ECDH, P-256, 256 bits"), null when none or unknown. {@code senderTrace} and
 * {@code receiverTrace}: each side's fired rule and timed wire events ({@link SideTrace}).
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
        String tempKey,
        SideTrace senderTrace,
        SideTrace receiverTrace) {

    public HandshakeResult {
        senderTrace = senderTrace == null ? SideTrace.NONE : senderTrace;
        receiverTrace = receiverTrace == null ? SideTrace.NONE : receiverTrace;
    }

    /** A result without the sides' traces (read from an older results.json, or not judged from two sides). */
    public HandshakeResult(Outcome outcome, String protocol, String cipher, Integer dhBits, Side failedSide,
                           String stoppedAfter, Alert alert, List<String> senderErrors, List<String> receiverErrors,
                           List<String> transcript, String detail, long durationMs, String tempKey) {
        this(outcome, protocol, cipher, dhBits, failedSide, stoppedAfter, alert, senderErrors, receiverErrors,
                transcript, detail, durationMs, tempKey, SideTrace.NONE, SideTrace.NONE);
    }

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
                receiverErrors, transcript, detail, durationMs, key, senderTrace, receiverTrace);
    }

    /** This result with what each side reported beyond its verdict (its fired rule, its wire events). */
    public HandshakeResult withTraces(SideTrace sender, SideTrace receiver) {
        return new HandshakeResult(outcome, protocol, cipher, dhBits, failedSide, stoppedAfter, alert, senderErrors,
                receiverErrors, transcript, detail, durationMs, tempKey, sender, receiver);
    }

    /**
     * This result without its record transcript and wire events (reports and the journal keep a slim copy; the temp
     * key and the fired rules stay).
     */
    public HandshakeResult withoutTranscript() {
        return new HandshakeResult(outcome, protocol, cipher, dhBits, failedSide, stoppedAfter, alert, senderErrors,
                receiverErrors, List.of(), detail, durationMs, tempKey, senderTrace.withoutEvents(),
                receiverTrace.withoutEvents());
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
