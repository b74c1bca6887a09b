package io.handshakematrix.report;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one cell's Allure test shows, as plain text (the test attaches it): parameters, status line, transcript. */
public final class AllureCellText {
    private AllureCellText() {}

    /** One Allure parameter per matrix axis, plus the engine. */
    public static Map<String, String> parameters(CellResult r) {
        Cell c = r.cell();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("sender", c.sender());
        p.put("receiver", c.receiver());
        p.put("RECEIVE_SIDE", c.receiveSide());
        p.put("DH group", c.dhGroup());
        p.put("protocol", c.protocol());
        p.put("sender MinimumDHBits", c.senderMinDhBits() == 0 ? "not set" : Integer.toString(c.senderMinDhBits()));
        c.settings().forEach((axis, v) -> { // any other axis the matrix declares, under its own name
            if (!Cell.STANDARD_AXES.contains(axis)) {
                p.put(axis, v);
            }
        });
        p.put("engine", r.engine());
        return p;
    }

    /**
     * The status message: what happened (so Allure categories can sort by cause) and, for a drifted cell,
     * expected vs. actual. Error lines are included because the categories match on them.
     */
    public static String message(CellResult r) {
        HandshakeResult h = r.result();
        StringBuilder sb = new StringBuilder();
        if (r.matches()) {
            sb.append("got ").append(h.summary());
        } else {
            sb.append("differs from matrix.yaml").append(r.expectationLine() == null ? "" : " line " + r.expectationLine())
                    .append(": ").append(String.join("; ", r.differences()));
        }
        sb.append("\nexpected ").append(r.expected());
        List<String> lines = KbCell.footnoteText(r).lines().toList();
        if (!lines.isEmpty()) {
            sb.append('\n').append(String.join("\n", lines));
        }
        return sb.toString();
    }

    /** The attachment: the s_client -msg style message sequence with the alert, then both sides' error lines. */
    public static String transcript(CellResult r) {
        HandshakeResult h = r.result();
        StringBuilder sb = new StringBuilder(r.cell().displayName()).append("\n\n");
        sb.append("result:   ").append(h.summary()).append('\n');
        sb.append("expected: ").append(r.expected()).append('\n');
        if (h.alert() != null) {
            sb.append("alert:    ").append(h.alert()).append('\n');
        }
        sb.append("\n-- message sequence --\n");
        h.transcript().forEach(l -> sb.append(l).append('\n'));
        sb.append("\n-- sender error lines --\n").append(orNone(h.senderErrors()));
        sb.append("\n-- receiver error lines --\n").append(orNone(h.receiverErrors()));
        return sb.toString();
    }

    public static String orNone(List<String> lines) {
        return lines.isEmpty() ? "(none)\n" : String.join("\n", lines) + "\n";
    }
}
