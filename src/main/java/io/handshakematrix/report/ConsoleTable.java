package io.handshakematrix.report;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compact table the main job prints: one block per RECEIVE_SIDE (and protocol, MinimumDHBits),
 * rows "sender -> receiver", columns DH groups, each cell a short code; '!' marks a cell that
 * differs from its expectation.
 */
public final class ConsoleTable {
    private ConsoleTable() {}

    public static String render(List<CellResult> results) {
        Map<String, List<CellResult>> blocks = new LinkedHashMap<>();
        for (CellResult r : results) {
            Cell c = r.cell();
            String title = "RECEIVE_SIDE = " + c.receiveSide() + "  (" + c.protocol()
                    + (c.senderMinDhBits() > 0 ? ", sender MinimumDHBits " + c.senderMinDhBits() : "") + ")";
            blocks.computeIfAbsent(title, k -> new ArrayList<>()).add(r);
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<CellResult>> b : blocks.entrySet()) {
            out.append(block(b.getKey(), b.getValue())).append('\n');
        }
        out.append(legend());
        return out.toString();
    }

    private static String block(String title, List<CellResult> rs) {
        Set<String> rows = new LinkedHashSet<>();
        Set<String> cols = new LinkedHashSet<>();
        Map<String, String> codes = new LinkedHashMap<>();
        for (CellResult r : rs) {
            String row = r.cell().sender() + " -> " + r.cell().receiver();
            rows.add(row);
            cols.add(r.cell().dhGroup());
            codes.put(row + "|" + r.cell().dhGroup(), code(r));
        }
        int rowWidth = rows.stream().mapToInt(String::length).max().orElse(10);
        List<String> colList = new ArrayList<>(cols);
        int[] widths = colList.stream().mapToInt(c -> Math.max(c.length(), 6)).toArray();
        StringBuilder sb = new StringBuilder(title).append('\n');
        sb.append(pad("sender -> receiver", rowWidth));
        for (int i = 0; i < colList.size(); i++) {
            sb.append("  ").append(pad(colList.get(i), widths[i]));
        }
        sb.append('\n');
        for (String row : rows) {
            sb.append(pad(row, rowWidth));
            for (int i = 0; i < colList.size(); i++) {
                sb.append("  ").append(pad(codes.getOrDefault(row + "|" + colList.get(i), ""), widths[i]));
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
        };
        return cr.matches() ? c : c + "!";
    }

    private static String legend() {
        return "ok = handshake and secure ping succeeded; S40 = sender gave up, alert 40; R- = receiver gave up, no alert;\n"
                + "T = timeout; E = harness/environment error; skip = not run; ! = differs from matrix.yaml expectation\n";
    }

    private static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }
}
