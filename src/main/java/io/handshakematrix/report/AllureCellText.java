package io.handshakematrix.report;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one cell's Allure test says, as plain text: its status (the handshake itself, not "as matrix.yaml
 * expects"), the status message, the grouping names and the attachments. The cell's axes are read only
 * through {@link #axes} and {@link #setting}, so a change of the cell's shape is made here once.
 */
public final class AllureCellText {
    /** The first line of a drifted cell's message and the name of its category. */
    static final String DIFFERS = "Differs from matrix.yaml: ";
    private static final Pattern BITS = Pattern.compile("(\\d{3,5})");

    private AllureCellText() {}

    /** The sending stack (the cell's axes are read here and in {@link #axes} only). */
    static String sender(Cell c) {
        return c.sender();
    }

    static String receiver(Cell c) {
        return c.receiver();
    }

    /** One entry per matrix axis, in KB-table order, under the names a reader knows them by. */
    public static Map<String, String> axes(Cell c) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sender", sender(c));
        p.put("receiver", receiver(c));
        p.put("RECEIVE_SIDE", c.receiveSide());
        p.put("DH group", c.dhGroup());
        p.put("protocol", c.protocol());
        p.put("sender MinimumDHBits", minDhBits(c.senderMinDhBits()));
        c.settings().forEach((axis, v) -> { // any other axis the matrix declares, under its own name
            if (!Cell.STANDARD_AXES.contains(axis)) {
                p.put(axis, v);
            }
        });
        return p;
    }

    static String minDhBits(int bits) {
        return bits == 0 ? "not set" : Integer.toString(bits);
    }

    /** One Allure parameter per axis, plus the engine. */
    public static Map<String, String> parameters(CellResult r) {
        Map<String, String> p = axes(r.cell());
        p.put("engine", r.engine());
        return p;
    }

    /** Behaviors epic: the receiver's setting and the sender's overrides, "RECEIVE_SIDE=NO | TLSv1.2". */
    static String setting(Cell c) {
        StringBuilder e = new StringBuilder("RECEIVE_SIDE=" + c.receiveSide() + " | " + c.protocol()
                + (c.senderMinDhBits() > 0 ? " | sender MinimumDHBits " + c.senderMinDhBits() : ""));
        c.settings().forEach((axis, v) -> { // any other axis the matrix declares is a setting too
            if (!Cell.STANDARD_AXES.contains(axis)) {
                e.append(" | ").append(axis).append(' ').append(v);
            }
        });
        return e.toString();
    }

    /** Behaviors feature. */
    static String pair(Cell c) {
        return sender(c) + " -> " + receiver(c);
    }

    /**
     * Behaviors story: the DH group behind a zero-padded size, because Allure sorts names as text
     * ("DH 0256 bits: 256-g1" before "DH 1024 bits: 1024"). The size comes from the group's name (every
     * shipped group names its size), else from the handshake; "default" without either sorts last.
     */
    static String story(CellResult r) {
        String group = r.cell().dhGroup();
        Matcher m = BITS.matcher(group);
        Integer bits = m.find() ? Integer.valueOf(m.group(1)) : r.result().dhBits();
        return bits == null ? "DH ~ " + group : String.format("DH %04d bits: %s", bits, group);
    }

    /** passed = handshake and secure ping; failed = a stack refused; broken = harness or timeout; skipped. */
    public static String status(HandshakeResult h) {
        return switch (h.outcome()) {
            case OK -> "passed";
            case FAIL -> "failed";
            case ERROR, TIMEOUT -> "broken";
            case SKIPPED, NOT_RUN -> "skipped";
        };
    }

    /** "Differs from matrix.yaml: expected X, got Y" for a drifted cell, else null. */
    static String driftLine(CellResult r) {
        return r.matches() ? null : DIFFERS + "expected " + (r.expected() == null ? "no expectation" : r.expected())
                + ", got " + r.result().summary();
    }

    /**
     * The status message. Its first line is what the categories sort on: the drift line for a cell that
     * differs from matrix.yaml, else the cause. A refusal names the side, the check, the alert and the first
     * error line.
     */
    public static String message(CellResult r) {
        HandshakeResult h = r.result();
        String status = status(h);
        AllureCauses.Cause cause = AllureCauses.of(status, r);
        StringBuilder sb = new StringBuilder();
        String drift = driftLine(r);
        if (drift != null) {
            sb.append(drift).append('\n');
            r.differences().forEach(d -> sb.append("  ").append(d).append('\n'));
        }
        if (cause != null) {
            sb.append(cause.name()).append(": ");
        }
        switch (h.outcome()) {
            case OK -> sb.append("handshake ").append(h.summary().substring(3)).append(", secure ping answered");
            case FAIL -> sb.append(refusal(r));
            default -> sb.append(h.summary());
        }
        if (r.matches()) {
            sb.append("\nas matrix.yaml expects: ").append(r.expected());
        }
        return sb.toString();
    }

    /** "the sender rhel-7.7 refused after ServerKeyExchange: bad dh g value; alert decode_error (50) from sender" + first line. */
    private static String refusal(CellResult r) {
        HandshakeResult h = r.result();
        Side side = h.failedSide();
        StringBuilder sb = new StringBuilder();
        sb.append("the ").append(side == null ? "?" : side.label()).append(' ').append(AllureCauses.failingStack(r))
                .append(" refused").append(h.stoppedAfter() == null ? "" : " after " + h.stoppedAfter())
                .append(": ").append(h.reason()).append("; ")
                .append(h.alert() == null ? "no alert (connection closed)" : "alert " + h.alert());
        List<String> lines = side == Side.RECEIVER ? h.receiverErrors() : h.senderErrors();
        if (lines != null && !lines.isEmpty()) {
            sb.append("\nfirst error line (").append(side.label()).append("): ").append(lines.get(0).lines().findFirst().orElse(""));
        }
        return sb.toString();
    }

    /** The attachment: the s_client -msg style message sequence with the alert. */
    public static String transcript(CellResult r) {
        HandshakeResult h = r.result();
        StringBuilder sb = new StringBuilder(r.cell().displayName()).append("\n\n");
        sb.append("result:   ").append(h.summary()).append('\n');
        sb.append("expected: ").append(r.expected()).append('\n');
        if (h.alert() != null) {
            sb.append("alert:    ").append(h.alert()).append('\n');
        }
        if (h.senderTrace().rule() != null || h.receiverTrace().rule() != null) {
            sb.append("rule:     ").append(h.senderTrace().rule() != null ? "sender " + h.senderTrace().rule()
                    : "receiver " + h.receiverTrace().rule()).append(" (the profile rule that fired)\n");
        }
        sb.append("\n-- message sequence --\n");
        h.transcript().forEach(l -> sb.append(l).append('\n'));
        if (h.transcript().isEmpty()) {
            sb.append(h.outcome() == Outcome.SKIPPED ? "(not run: " + h.detail() + ")\n" : "(none recorded)\n");
        }
        return sb.toString();
    }

    /** Both sides' error lines, exactly as the stacks wrote them. */
    public static String errorLines(CellResult r) {
        HandshakeResult h = r.result();
        return "-- sender " + sender(r.cell()) + " --\n" + orNone(h.senderErrors())
                + "\n-- receiver " + receiver(r.cell()) + " --\n" + orNone(h.receiverErrors());
    }

    public static String orNone(List<String> lines) {
        return lines.isEmpty() ? "(none)\n" : String.join("\n", lines) + "\n";
    }
}
