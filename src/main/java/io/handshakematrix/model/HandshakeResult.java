package io.handshakematrix.model;

import java.util.List;

/**
 * What one real handshake did: its outcome, and only the facts that apply to it. {@code negotiated}: what an
 * {@code ok} handshake agreed on (null otherwise); {@code failure}: who gave up on a {@code fail} one, after which
 * message, with which alert (null otherwise); {@code dhBits}: the server's DH group size where one was seen;
 * {@code detail}: the harness's words for an outcome that is no stack verdict (error, timeout, skipped, not run).
 * Each side's error lines (as its stack prints them) and {@link SideTrace} (fired rule, timed wire events) are kept
 * for every outcome but a skip. Only the runner's {@code Verdicts} decides an outcome; reading a stored
 * results.json or journal rebuilds one with {@link #builder}.
 */
public record HandshakeResult(
        Outcome outcome,
        Negotiated negotiated,
        Failure failure,
        Integer dhBits,
        SideLines sender,
        SideLines receiver,
        List<String> transcript,
        String detail,
        long durationMs) {

    /**
     * What both sides agreed on. {@code tempKey}: the ephemeral key as OpenSSL prints "Server Temp Key"
     * ("ECDH, P-256, 256 bits"), null when none or unknown.
     */
    public record Negotiated(String protocol, String cipher, String tempKey) {}

    /** The side that gave up, the last handshake message it received before it stopped (null: none), the alert. */
    public record Failure(Side side, String stoppedAfter, Alert alert) {}

    /** One side's error lines, as its stack prints them, and its trace (fired rule, timed wire events). */
    public record SideLines(List<String> errors, SideTrace trace) {
        public static final SideLines NONE = new SideLines(List.of(), SideTrace.NONE);

        public SideLines {
            errors = errors == null ? List.of() : List.copyOf(errors);
            trace = trace == null ? SideTrace.NONE : trace;
        }
    }

    public HandshakeResult {
        sender = sender == null ? SideLines.NONE : sender;
        receiver = receiver == null ? SideLines.NONE : receiver;
        transcript = transcript == null ? List.of() : transcript;
    }

    public static Builder builder(Outcome outcome) {
        return new Builder(outcome);
    }

    public String protocol() { return negotiated == null ? null : negotiated.protocol(); }

    public String cipher() { return negotiated == null ? null : negotiated.cipher(); }

    public String tempKey() { return negotiated == null ? null : negotiated.tempKey(); }

    public Side failedSide() { return failure == null ? null : failure.side(); }

    public String stoppedAfter() { return failure == null ? null : failure.stoppedAfter(); }

    public Alert alert() { return failure == null ? null : failure.alert(); }

    public List<String> senderErrors() { return sender.errors(); }

    public List<String> receiverErrors() { return receiver.errors(); }

    public SideTrace senderTrace() { return sender.trace(); }

    public SideTrace receiverTrace() { return receiver.trace(); }

    /** This result with what each side reported beyond its verdict (its fired rule, its wire events). */
    public HandshakeResult withTraces(SideTrace senderTrace, SideTrace receiverTrace) {
        return new HandshakeResult(outcome, negotiated, failure, dhBits, new SideLines(sender.errors(), senderTrace),
                new SideLines(receiver.errors(), receiverTrace), transcript, detail, durationMs);
    }

    /**
     * This result without its record transcript and wire events (reports and the journal keep a slim copy; the temp
     * key and the fired rules stay).
     */
    public HandshakeResult withoutTranscript() {
        return new HandshakeResult(outcome, negotiated, failure, dhBits,
                new SideLines(sender.errors(), sender.trace().withoutEvents()),
                new SideLines(receiver.errors(), receiver.trace().withoutEvents()), List.of(), detail, durationMs);
    }

    /** Named fields for a result: each one set applies to this outcome; one never set does not. */
    public static final class Builder {
        private final Outcome outcome;
        private String protocol;
        private String cipher;
        private String tempKey;
        private Side failedSide;
        private String stoppedAfter;
        private Alert alert;
        private Integer dhBits;
        private List<String> senderErrors = List.of();
        private List<String> receiverErrors = List.of();
        private SideTrace senderTrace = SideTrace.NONE;
        private SideTrace receiverTrace = SideTrace.NONE;
        private List<String> transcript = List.of();
        private String detail;
        private long durationMs;

        private Builder(Outcome outcome) {
            this.outcome = outcome;
        }

        public Builder negotiated(String protocol, String cipher, String tempKey) {
            this.protocol = protocol;
            this.cipher = cipher;
            this.tempKey = tempKey;
            return this;
        }

        public Builder failure(Side side, String stoppedAfter, Alert alert) {
            this.failedSide = side;
            this.stoppedAfter = stoppedAfter;
            this.alert = alert;
            return this;
        }

        public Builder dhBits(Integer bits) {
            this.dhBits = bits;
            return this;
        }

        public Builder errors(List<String> sender, List<String> receiver) {
            this.senderErrors = sender;
            this.receiverErrors = receiver;
            return this;
        }

        public Builder traces(SideTrace sender, SideTrace receiver) {
            this.senderTrace = sender;
            this.receiverTrace = receiver;
            return this;
        }

        public Builder transcript(List<String> lines) {
            this.transcript = lines;
            return this;
        }

        public Builder detail(String words) {
            this.detail = words;
            return this;
        }

        public Builder durationMs(long ms) {
            this.durationMs = ms;
            return this;
        }

        public HandshakeResult build() {
            Negotiated n = protocol == null && cipher == null && tempKey == null ? null
                    : new Negotiated(protocol, cipher, tempKey);
            Failure f = failedSide == null && stoppedAfter == null && alert == null ? null
                    : new Failure(failedSide, stoppedAfter, alert);
            return new HandshakeResult(outcome, n, f, dhBits, new SideLines(senderErrors, senderTrace),
                    new SideLines(receiverErrors, receiverTrace), transcript, detail, durationMs);
        }
    }

    /** Short words for tables: "ok TLSv1.2 DHE-RSA-AES256-SHA DH 1024" or "fail sender: dh key too small (alert 40)". */
    public String summary() {
        return switch (outcome) {
            case OK -> "ok " + protocol() + " " + cipher() + (dhBits != null ? " DH " + dhBits
                    : tempKey() != null && (tempKey().startsWith("ECDH") || "TLSv1.3".equals(protocol())) ? " " + tempKey() : "");
            case FAIL -> "fail " + (failedSide() == null ? "" : failedSide().label()) + ": " + reason()
                    + (alert() == null ? " (no alert)" : " (alert " + alert().code() + ")");
            default -> outcome.label() + (detail == null ? "" : ": " + detail);
        };
    }

    /** The reason text of the failing side's first error line: "bad dh g value". */
    public String reason() {
        List<String> lines = failedSide() == Side.RECEIVER ? receiverErrors() : senderErrors();
        if (lines == null || lines.isEmpty()) {
            return detail == null ? "?" : detail;
        }
        return OpensslErrorLine.reason(lines.get(0));
    }
}
