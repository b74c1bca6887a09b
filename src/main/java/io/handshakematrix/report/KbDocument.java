package io.handshakematrix.report;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content of the knowledge-base article, built once from results and rendered as Markdown or HTML:
 * the tables, each cell's mark and words, numbered footnotes with the exact error strings (one per distinct
 * text, numbered in reading order), the derived resolutions, and counts.
 */
public final class KbDocument {
    private final List<MatrixLayout> tables;
    private final Map<Cell, KbCell> cells = new HashMap<>();
    private final Map<String, Integer> footnotes = new LinkedHashMap<>();
    private final List<Resolution> resolutions;
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final List<CellResult> differing = new ArrayList<>();

    private KbDocument(List<CellResult> results) {
        tables = MatrixLayout.of(results);
        for (MatrixLayout t : tables) {
            for (String row : t.rows()) {
                for (String col : t.columns()) {
                    CellResult r = t.at(row, col);
                    if (r != null) {
                        add(r);
                    }
                }
            }
        }
        resolutions = Resolutions.derive(results);
    }

    public static KbDocument of(List<CellResult> results) {
        return new KbDocument(results);
    }

    private void add(CellResult r) {
        String note = KbCell.footnoteText(r);
        int number = note.isEmpty() ? 0 : footnotes.computeIfAbsent(note, k -> footnotes.size() + 1);
        cells.put(r.cell(), KbCell.of(r, number));
        counts.merge(r.result().outcome(), 1, Integer::sum);
        if (!r.matches()) {
            differing.add(r);
        }
    }

    public List<MatrixLayout> tables() {
        return tables;
    }

    public KbCell cell(CellResult r) {
        return cells.get(r.cell());
    }

    /** Footnote texts; footnote n is element n-1. */
    public List<String> footnotes() {
        return List.copyOf(footnotes.keySet());
    }

    public List<Resolution> resolutions() {
        return resolutions;
    }

    public List<CellResult> differing() {
        return differing;
    }

    /** "1100 cells: 812 OK, 288 FAIL; 0 differ from matrix.yaml". */
    public String summary() {
        StringBuilder sb = new StringBuilder().append(cells.size()).append(" cells: ");
        List<String> parts = new ArrayList<>();
        counts.forEach((o, n) -> parts.add(n + " " + o.name()));
        return sb.append(String.join(", ", parts)).append("; ").append(differing.size())
                .append(" differ from matrix.yaml").toString();
    }

    /** The column header for a DH group: the receiver's [DH] setting where it is a product group. */
    public static String columnHeader(String dhGroup) {
        return "DH " + dhGroup;
    }

    public static String fixesText(Resolution r) {
        return r.fixes().isEmpty() ? "none of the cells in these results passes with one setting changed"
                : String.join("; or ", r.fixes());
    }
}
