package io.handshakematrix.report;

import io.handshakematrix.results.ResultsJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The regression view across releases: cells whose outcome changed between an earlier results.json (the
 * baseline) and this run, plus cells only one of them has. "Outcome" is what a KB reader sees: the verdict,
 * the side that gave up, its reason and alert, or the negotiated protocol, suite and DH size; timing and
 * harness detail do not count as a change.
 */
public record BaselineDiff(List<Change> changed, List<Cell> added, List<Cell> removed) {

    public record Change(Cell cell, String before, String after) {}

    public static BaselineDiff between(List<CellResult> baseline, List<CellResult> current) {
        Map<Cell, CellResult> old = new LinkedHashMap<>();
        baseline.forEach(r -> old.put(r.cell(), r));
        List<Change> changed = new ArrayList<>();
        List<Cell> added = new ArrayList<>();
        for (CellResult now : current) {
            CellResult was = old.remove(now.cell());
            if (was == null) {
                added.add(now.cell());
            } else if (!verdict(was.result()).equals(verdict(now.result()))) {
                changed.add(new Change(now.cell(), verdict(was.result()), verdict(now.result())));
            }
        }
        return new BaselineDiff(changed, added, List.copyOf(old.keySet()));
    }

    /** The comparable words of a result: summary() for ok and fail, the bare outcome otherwise. */
    static String verdict(HandshakeResult r) {
        return r.outcome() == Outcome.OK || r.outcome() == Outcome.FAIL ? r.summary() : r.outcome().label();
    }

    public boolean isEmpty() {
        return changed.isEmpty() && added.isEmpty() && removed.isEmpty();
    }

    /** The printed form: one line per changed cell, named like the test and the KB row. */
    public String text(String baselineName) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Against baseline %s: %d changed, %d new, %d gone%n", baselineName, changed.size(),
                added.size(), removed.size()));
        changed.forEach(c -> sb.append("CHANGED  ").append(c.cell().displayName()).append("\n         was ")
                .append(c.before()).append("\n         now ").append(c.after()).append('\n'));
        added.forEach(c -> sb.append("NEW      ").append(c.displayName()).append('\n'));
        removed.forEach(c -> sb.append("GONE     ").append(c.displayName()).append('\n'));
        return sb.toString();
    }

    /** Saved beside results.json, so CI can archive the drift. */
    public void write(Path file, String baselineName) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("baseline", baselineName);
        root.put("changed", changed.stream().map(c -> {
            Map<String, Object> m = cellFields(c.cell());
            m.put("before", c.before());
            m.put("after", c.after());
            return m;
        }).toList());
        root.put("added", added.stream().map(BaselineDiff::cellFields).toList());
        root.put("removed", removed.stream().map(BaselineDiff::cellFields).toList());
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static Map<String, Object> cellFields(Cell c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", c.displayName());
        m.putAll(ResultsJson.axes(c));
        return m;
    }
}
