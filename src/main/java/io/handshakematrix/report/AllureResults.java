package io.handshakematrix.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An Allure results directory written from the results themselves, one test per cell (Allure's documented
 * result-file format: {@code <uuid>-result.json} with name, status, statusDetails, labels, parameters,
 * attachments, start/stop), so that {@code run}, {@code merge} and the build publish the same report. Written
 * by hand rather than through allure-java-commons: that library records a running test's lifecycle, and
 * here the tests have already run; the format is a handful of JSON fields.
 */
public final class AllureResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final io.handshakematrix.explain.SiblingFixes fixes;
    private final long runStart;

    private AllureResults(Path dir, List<CellResult> brief, ProductProfile product, long runStart) {
        this.dir = dir;
        this.runStart = runStart;
        // The KB's fixes, from the same cells: only declared [DH] keys of 1024 bits and up, ranked as the KB ranks them.
        this.fixes = new io.handshakematrix.explain.SiblingFixes(brief, product);
    }

    /**
     * Replaces {@code dir} with the results of {@code cells} (full results, read once) plus categories.json,
     * environment.properties and executor.json. {@code brief}: the same cells without transcripts, for the
     * KB's fixes, which {@code product}'s settings bound.
     */
    public static void write(Path dir, Map<String, Object> run, Iterable<CellResult> cells, List<CellResult> brief,
                             ProductProfile product, int buildOrder) throws IOException {
        deleteTree(dir);
        Files.createDirectories(dir);
        long start = startOf(run);
        AllureResults out = new AllureResults(dir, brief, product, start);
        for (CellResult r : cells) {
            out.writeCell(r);
        }
        AllureFiles.write(dir, run, brief, buildOrder);
    }

    private void writeCell(CellResult r) throws IOException {
        Cell c = r.cell();
        HandshakeResult h = r.result();
        String uuid = UUID.randomUUID().toString();
        String id = sha256(c.key());
        String status = AllureCellText.status(h);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("uuid", uuid);
        t.put("historyId", id); // history follows the cell across builds
        t.put("testCaseId", id);
        t.put("name", c.displayName());
        t.put("fullName", c.key());
        t.put("status", status);
        t.put("stage", "finished");
        t.put("statusDetails", Map.of("message", AllureCellText.message(r), "known", false, "muted", false, "flaky", false));
        // Allure renders a description as Markdown: escaped, its error words read exactly as the stack wrote them
        t.put("description", Markdown.text(description(r)));
        t.put("labels", labels(r));
        List<Map<String, String>> params = new ArrayList<>();
        AllureCellText.parameters(r).forEach((k, v) -> params.add(Map.of("name", k, "value", v)));
        t.put("parameters", params);
        List<Map<String, String>> attachments = new ArrayList<>();
        attach(attachments, uuid, "handshake transcript", AllureCellText.transcript(r));
        attach(attachments, uuid, "error lines (sender and receiver)", AllureCellText.errorLines(r));
        attach(attachments, uuid, "diagnosis", diagnosis(r));
        t.put("attachments", attachments);
        t.put("steps", List.of(wireStep(r, Side.SENDER), wireStep(r, Side.RECEIVER)));
        t.put("start", runStart);
        t.put("stop", runStart + Math.max(0, h.durationMs()));
        Files.write(dir.resolve(uuid + "-result.json"), JSON.writeValueAsBytes(t));
    }

    private static List<Map<String, String>> labels(CellResult r) {
        Cell c = r.cell();
        List<Map<String, String>> l = new ArrayList<>();
        label(l, "epic", AllureCellText.setting(c));
        label(l, "feature", AllureCellText.pair(c));
        label(l, "story", AllureCellText.story(r));
        label(l, "parentSuite", "sender " + AllureCellText.sender(c));
        label(l, "suite", "receiver " + AllureCellText.receiver(c));
        label(l, "subSuite", AllureCellText.setting(c));
        label(l, "tag", "engine:" + r.engine());
        label(l, "host", "127.0.0.1");
        label(l, "framework", "handshake-matrix");
        if (!r.matches()) {
            // The label a reader filters on; the severity makes the drift visible in every list too.
            label(l, "tag", "DIFFERS from matrix.yaml");
            label(l, "severity", "blocker");
        } else {
            label(l, "severity", "normal");
        }
        return l;
    }

    private static void label(List<Map<String, String>> l, String name, String value) {
        l.add(Map.of("name", name, "value", value));
    }

    private void attach(List<Map<String, String>> list, String uuid, String name, String text) throws IOException {
        String source = uuid + "-" + (list.size() + 1) + "-attachment.txt";
        Files.writeString(dir.resolve(source), text, StandardCharsets.UTF_8);
        list.add(Map.of("name", name, "source", source, "type", "text/plain"));
    }

    /** The KB's sentence for the cell: what happened, why, and the fix verified by a sibling cell of this run. */
    String description(CellResult r) {
        HandshakeResult h = r.result();
        String status = AllureCellText.status(h);
        AllureCauses.Cause cause = AllureCauses.of(status, r);
        StringBuilder sb = new StringBuilder();
        switch (h.outcome()) {
            case OK -> sb.append("The handshake succeeds: ").append(h.summary().substring(3)).append(", and the secure ping is answered.");
            case SKIPPED -> sb.append("Not run: ").append(h.detail()).append('.');
            default -> {
                sb.append(KbCell.of(r, 0).words()).append('.');
                if (cause != null) {
                    sb.append(' ').append(cause.name()).append(": ").append(cause.description());
                }
                List<io.handshakematrix.explain.SiblingFixes.Fix> proven = fixes.of(r.cell());
                sb.append(proven.isEmpty()
                        ? " No single setting change made this pair handshake in this run."
                        : " Verified fix (a cell of this run that passed with it): "
                          + String.join("; or ", proven.stream().map(io.handshakematrix.explain.SiblingFixes.Fix::text).toList()) + ".");
            }
        }
        String drift = AllureCellText.driftLine(r);
        return drift == null ? sb.toString() : drift + ". " + sb;
    }

    private String diagnosis(CellResult r) {
        StringBuilder sb = new StringBuilder(r.cell().displayName()).append("\n\n");
        sb.append(description(r)).append("\n\n");
        sb.append("status message:\n").append(AllureCellText.message(r)).append("\n\n");
        sb.append("matrix.yaml expects: ").append(r.expected() == null ? "(no expectation)" : r.expected())
                .append(r.expectationLine() == null ? "" : " (line " + r.expectationLine() + ")").append('\n');
        if (!r.matches()) {
            r.differences().forEach(d -> sb.append("differs: ").append(d).append('\n'));
        }
        String foot = KbCell.footnoteText(r);
        if (!foot.isEmpty()) {
            sb.append("\nexact lines:\n").append(foot).append('\n');
        }
        return sb.toString();
    }

    /**
     * One side's connection as an Allure step whose sub-steps are its wire events at their times (Allure draws
     * them on the cell's timeline); failed when that side gave up, named with the profile rule that fired.
     */
    private Map<String, Object> wireStep(CellResult r, Side side) {
        HandshakeResult h = r.result();
        io.handshakematrix.model.SideTrace trace = side == Side.SENDER ? h.senderTrace() : h.receiverTrace();
        String stack = side == Side.SENDER ? r.cell().sender() : r.cell().receiver();
        boolean gaveUp = h.outcome() == Outcome.FAIL && h.failedSide() == side;
        List<Map<String, Object>> events = new ArrayList<>();
        for (io.handshakematrix.model.WireEvent e : trace.events()) {
            long at = runStart + Math.round(e.ms());
            events.add(step((e.sent() ? ">>> " : "<<< ") + e.what() + " (" + e.ms() + " ms)", "passed", at, at, List.of()));
        }
        String name = side.label() + " " + stack + (gaveUp ? " gave up" : "")
                + (trace.rule() != null ? " (rule " + trace.rule() + ")" : "") + ": " + trace.events().size() + " wire events";
        long stop = events.isEmpty() ? runStart : (long) events.get(events.size() - 1).get("stop");
        return step(name, gaveUp ? "failed" : h.outcome() == Outcome.SKIPPED ? "skipped" : "passed", runStart, stop, events);
    }

    private static Map<String, Object> step(String name, String status, long start, long stop,
                                            List<Map<String, Object>> steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("status", status);
        m.put("stage", "finished");
        m.put("start", start);
        m.put("stop", stop);
        m.put("steps", steps);
        m.put("attachments", List.of());
        m.put("parameters", List.of());
        return m;
    }

    private static long startOf(Map<String, Object> run) {
        try {
            return Instant.parse(String.valueOf(run.get("started"))).toEpochMilli();
        } catch (RuntimeException e) {
            return System.currentTimeMillis();
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes {@code p} and everything under it; nothing if it does not exist. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (var s = Files.walk(p)) {
            for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
