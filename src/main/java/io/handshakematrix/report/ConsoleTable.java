package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import java.util.List;

/**
 * The compact table the main job prints: one block per RECEIVE_SIDE (and protocol, MinimumDHBits),
 * rows "sender -> receiver", columns DH groups, each cell a short code; '!' marks a cell that
 * differs from its expectation.
 */
public final class ConsoleTable {
    private ConsoleTable() {}

    public static String render(List<CellResult> results) {
        StringBuilder out = new StringBuilder();
        for (MatrixLayout block : MatrixLayout.of(results)) {
            out.append(block(block)).append('\n');
        }
        out.append(legend());
        return out.toString();
    }

    private static String block(MatrixLayout b) {
        int rowWidth = b.rows().stream().mapToInt(String::length).max().orElse(10);
        List<String> colList = b.columns();
        int[] widths = colList.stream().mapToInt(c -> Math.max(c.length(), 6)).toArray();
        StringBuilder sb = new StringBuilder(io.handshakematrix.yaml.ValueText.printable(b.title())).append('\n');
        sb.append(pad("sender -> receiver", rowWidth));
        for (int i = 0; i < colList.size(); i++) {
            sb.append("  ").append(pad(colList.get(i), widths[i]));
        }
        sb.append('\n');
        for (String row : b.rows()) {
            sb.append(pad(row, rowWidth));
            for (int i = 0; i < colList.size(); i++) {
                CellResult r = b.at(row, colList.get(i));
                sb.append("  ").append(pad(r == null ? "" : code(r), widths[i]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** ok | S40 (sender failed, alert 40) | R- (receiver failed, no alert) | T | E | skip; '!' = unexpected. */
    public static String code(CellResult cr) {
        HandshakeResult r = cr.result();
        String c = switch (r.outcome()) {
            case OK -> "ok";
            case FAIL -> (r.failedSide() == null ? "?" : r.failedSide().label().substring(0, 1).toUpperCase())
                    + (r.alert() == null ? "-" : Integer.toString(r.alert().code()));
            case TIMEOUT -> "T";
            case ERROR -> "E";
            case SKIPPED -> "skip";
            case NOT_RUN -> "…";
        };
        return cr.matches() ? c : c + "!";
    }

    private static String legend() {
        return "ok = handshake and secure ping succeeded; S40 = sender gave up, alert 40; R- = receiver gave up, no alert;\n"
                + "T = timeout; E = harness/environment error; skip = not run; ! = differs from matrix.yaml expectation\n";
    }

    /** Every value printed as the terminal may show it (ValueText.printable: no escape sequence from data). */
    private static String pad(String value, int w) {
        String s = io.handshakematrix.yaml.ValueText.printable(value);
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
