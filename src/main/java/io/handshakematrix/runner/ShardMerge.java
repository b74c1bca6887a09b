package io.handshakematrix.runner;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.handshakematrix.results.ResultJournal;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.results.ResultsJson;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Combines the results.json of shard runs ({@code run --shard K/N}) into one run: every cell once, in the
 * order a single full run would list them (taken from the axes each shard records). Refuses a set of
 * shards with a gap or an overlap, since a merged report that silently lacks cells would read as complete.
 */
public final class ShardMerge {
    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<CellResult> cells = new ArrayList<>();
    private final ResultJournal journal;

    private ShardMerge(ResultJournal journal) {
        this.journal = journal;
    }

    /**
     * Everything that can make a merge refuse, checked before OUT is touched: each input a results.json, all of
     * one harness version and one matrix (digest), one split with no shard missing or twice, every cell
     * well-formed and in one shard only. Reads the inputs one cell at a time; keeps only cell keys.
     */
    public static void check(List<Path> inputs) {
        Map<String, Path> seen = new java.util.HashMap<>();
        Map<Integer, Path> shardIndex = new LinkedHashMap<>();
        Set<Integer> counts = new TreeSet<>();
        Map<String, Object> first = null;
        Path firstFile = null;
        for (Path input : inputs) {
            Path file = resultsFile(input);
            Map<String, Object> run = ResultsJson.readRun(file);
            if (first == null) {
                first = run;
                firstFile = file;
                for (String k : List.of(RunStamp.VERSION_KEY, RunStamp.DIGEST_KEY)) {
                    if (!(run.get(k) instanceof String)) {
                        throw new InputError(file.toString(), 0, "run." + k + " missing; expected the results.json of "
                                + "'run --shard K/N' by handshake-matrix " + RunStamp.HARNESS_VERSION + " or later");
                    }
                }
            } else {
                same(first, firstFile, run, file, RunStamp.VERSION_KEY, "harness version");
                same(first, firstFile, run, file, RunStamp.DIGEST_KEY, "matrix (digest)");
            }
            Shard shard = shardOf(run, file);
            counts.add(shard.count());
            Path twin = shardIndex.put(shard.index(), file);
            if (twin != null && shard.count() > 1) {
                throw new InputError(file.toString(), 0, "shard " + shard + " is also " + twin + "; expected each shard once");
            }
            ResultsJson.forEachCell(file, r -> {
                Path other = seen.put(r.cell().key(), file);
                if (other != null) {
                    throw new InputError(file.toString(), 0, "cell '" + r.cell().displayName() + "' is also in "
                            + other + "; expected disjoint shards");
                }
            });
        }
        if (counts.size() > 1) {
            throw new InputError(inputs.get(0).toString(), 0, "shards of different splits " + counts
                    + " (the N of K/N); expected one split");
        }
        int n = counts.isEmpty() ? 1 : counts.iterator().next();
        if (n > 1 && shardIndex.size() < n) {
            List<String> missing = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
                if (!shardIndex.containsKey(k)) {
                    missing.add(k + "/" + n);
                }
            }
            throw new InputError(inputs.get(0).toString(), 0, "missing shard output(s) " + String.join(", ", missing)
                    + "; expected all " + n + " shards");
        }
    }

    private static void same(Map<String, Object> first, Path firstFile, Map<String, Object> run, Path file, String key,
                             String what) {
        Object a = first.get(key);
        Object b = run.get(key);
        if (!a.equals(b)) {
            throw new InputError(file.toString(), 0, "shard of another " + what + " ('" + b + "', " + firstFile
                    + " has '" + a + "'); expected shards of one run of one matrix");
        }
    }

    /**
     * The shard a results.json says it is ({@code run.shard}, as 'run --shard K/N' writes it; absent: the whole
     * matrix), refused in one line naming the file and the line that holds the value.
     */
    private static Shard shardOf(Map<String, Object> run, Path file) {
        String text = String.valueOf(run.getOrDefault("shard", "1/1"));
        return Shard.tryParse(text).orElseThrow(() -> new InputError(file.toString(), runKeyLine(file, "shard"),
                "run.shard: " + Shard.EXPECTED + " as 'run --shard K/N' writes it, found '" + text + "'"));
    }

    /** The line of {@code key} in the top-level "run" object of a results.json; 0 when it is not there. */
    private static int runKeyLine(Path file, String key) {
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            int depth = 0;
            boolean inRun = false;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (inRun && depth == 1) {
                            return 0;
                        }
                    }
                    case FIELD_NAME -> {
                        if (depth == 1) {
                            inRun = p.currentName().equals("run");
                        } else if (inRun && depth == 2 && p.currentName().equals(key)) {
                            return p.currentLocation().getLineNr();
                        }
                    }
                    default -> { }
                }
            }
        } catch (IOException e) {
            return 0; // the file was read once already; a line number is a courtesy
        }
        return 0;
    }

    private static Path resultsFile(Path input) {
        Path file = Files.isDirectory(input) ? input.resolve("results.json") : input;
        if (!Files.exists(file)) {
            throw new InputError(file.toString(), 0, "not found; expected a shard's output directory (with results.json) or its results.json");
        }
        return file;
    }

    /**
     * Reads the inputs, which {@link #check} has passed (the caller runs it before OUT is touched, so the checks
     * are not repeated here), one cell at a time into {@code journal}; only transcript-less copies stay in memory.
     */
    public static ShardMerge of(List<Path> inputs, ResultJournal journal) {
        ShardMerge m = new ShardMerge(journal);
        Set<Object> engines = new LinkedHashSet<>();
        List<Object> durations = new ArrayList<>();
        Map<String, Object> first = null;
        Path firstFile = null;
        for (Path input : inputs) {
            Path file = resultsFile(input);
            Map<String, Object> run = ResultsJson.readRun(file);
            if (first == null) {
                first = run;
                firstFile = file;
            }
            if (run.get("engines") instanceof List<?> l) {
                engines.addAll(l);
            }
            durations.add(run.get("durationMs"));
            ResultsJson.forEachCell(file, r -> {
                try {
                    journal.append(r);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + journal.file(), e);
                }
                m.cells.add(JournaledRun.withoutTranscript(r));
            });
        }
        if (first != null && first.get("axes") instanceof Map<?, ?> axes) {
            m.cells.sort(Comparator.comparing(r -> position(axes, r.cell()), ShardMerge::compare));
        }
        if (first != null) {
            m.run.putAll(first);
        }
        int n = first == null ? 1 : shardOf(first, firstFile).count(); // one split (check)
        m.run.put("engines", List.copyOf(engines));
        m.run.put("shard", "merged " + n + " of " + n);
        m.run.put("shardDurationsMs", durations);
        m.run.put("mergedFrom", inputs.stream().map(Path::toString).toList());
        m.run.remove("durationMs");
        return m;
    }

    public Map<String, Object> run() {
        return run;
    }

    /** Every cell without its transcript, in full-run order. */
    public List<CellResult> brief() {
        return cells;
    }

    /** Every cell in full, in full-run order, read back from the journal one at a time. */
    public Iterable<CellResult> full() {
        return () -> cells.stream().map(r -> journal.read(r.cell().key())).iterator();
    }

    /**
     * The cell's place in a full run: Matrix.cells() crosses the axes in this order, part by part when the
     * matrix include:s others (a cell belongs to the first part that crosses it).
     */
    private static int[] position(Map<?, ?> axes, Cell c) {
        if (axes.get("parts") instanceof List<?> parts) {
            for (int i = 0; i < parts.size(); i++) {
                if (parts.get(i) instanceof Map<?, ?> part) {
                    int[] p = axesPosition(part, c);
                    if (java.util.Arrays.stream(p).allMatch(x -> x != Integer.MAX_VALUE)) {
                        int[] out = new int[p.length + 1];
                        out[0] = i;
                        System.arraycopy(p, 0, out, 1, p.length);
                        return out;
                    }
                }
            }
            int[] p = axesPosition(axes, c);
            int[] out = new int[p.length + 1];
            out[0] = parts.size();
            System.arraycopy(p, 0, out, 1, p.length);
            return out;
        }
        return axesPosition(axes, c);
    }

    /** The axes beyond the four, in crossing order (after sender_min_dh_bits, before senders): key = axes: key. */
    private static final List<String> OTHER_AXES = List.of("certificate", "receiver_suites");

    private static int[] axesPosition(Map<?, ?> axes, Cell c) {
        int[] p = new int[6 + OTHER_AXES.size()];
        int i = 0;
        p[i++] = indexOf(axes.get("receive_side"), c.receiveSide());
        p[i++] = indexOf(axes.get("protocols"), c.protocol());
        p[i++] = indexOf(axes.get("sender_min_dh_bits"), c.senderMinDhBits());
        for (String axis : OTHER_AXES) {
            // A shard of an older build records no such axis: every cell is at its neutral value there.
            String v = c.settings().getOrDefault(axis, Cell.NEUTRAL.get(axis));
            p[i++] = axes.containsKey(axis) ? indexOf(axes.get(axis), v) : 0;
        }
        p[i++] = indexOf(axes.get("senders"), c.sender());
        p[i++] = indexOf(axes.get("receivers"), c.receiver());
        p[i] = indexOf(axes.get("dh"), c.dhGroup());
        return p;
    }

    private static int indexOf(Object axis, Object value) {
        if (axis instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                if (String.valueOf(l.get(i)).equals(String.valueOf(value))) {
                    return i;
                }
            }
        }
        return Integer.MAX_VALUE; // not on the first shard's axes: after the others, in input order
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            int c = Integer.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
