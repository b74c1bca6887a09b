package io.handshakematrix.report;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table layout every human-readable report shares: one block per receiver setting (RECEIVE_SIDE, protocol,
 * sender MinimumDHBits), rows "sender -> receiver", columns the receiver's DH group, in the order the results
 * came (the matrix's axis order). A KB reader finds the row of their pair and reads across the DH files.
 */
public record MatrixLayout(String title, List<String> rows, List<String> columns, Map<String, CellResult> cells) {

    public static List<MatrixLayout> of(List<CellResult> results) {
        Map<String, List<CellResult>> byTitle = new LinkedHashMap<>();
        for (CellResult r : results) {
            byTitle.computeIfAbsent(title(r.cell()), k -> new ArrayList<>()).add(r);
        }
        List<MatrixLayout> out = new ArrayList<>();
        byTitle.forEach((title, rs) -> {
            Set<String> rows = new LinkedHashSet<>();
            Set<String> cols = new LinkedHashSet<>();
            Map<String, CellResult> cells = new LinkedHashMap<>();
            for (CellResult r : rs) {
                rows.add(row(r.cell()));
                cols.add(r.cell().dhGroup());
                cells.put(row(r.cell()) + "|" + r.cell().dhGroup(), r);
            }
            out.add(new MatrixLayout(title, List.copyOf(rows), List.copyOf(cols), cells));
        });
        return out;
    }

    public static String title(Cell c) {
        StringBuilder more = new StringBuilder(); // any axis beyond the four every matrix has: its own block
        c.settings().forEach((axis, v) -> {
            if (!Cell.STANDARD_AXES.contains(axis)) {
                more.append(", ").append(axis).append(' ').append(v);
            }
        });
        return "RECEIVE_SIDE = " + c.receiveSide() + "  (" + c.protocol()
                + (c.senderMinDhBits() > 0 ? ", sender MinimumDHBits " + c.senderMinDhBits() : "") + more + ")";
    }

    public static String row(Cell c) {
        return c.sender() + " -> " + c.receiver();
    }

    /** The result at a row and column, or null where the matrix has no such cell. */
    public CellResult at(String row, String column) {
        return cells.get(row + "|" + column);
    }
}
