package io.handshakematrix.bench;

import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.model.Cell;
import io.handshakematrix.report.AllureResults;
import io.handshakematrix.report.RunReports;
import io.handshakematrix.runner.JournaledRun;
import io.handshakematrix.runner.MatrixRunner;
import io.handshakematrix.runner.ProgressListener;
import io.handshakematrix.results.ResultJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Whole runs through the same path as {@code run} (pool, journal, results.json), timed: the default matrix,
 * and samples of a generated matrix to show that the cost per cell stays flat as the matrix grows.
 */
public final class MatrixScale {
    public record Figure(String label, int cells, double wallSeconds, double cpuSeconds, double peakHeapMiB,
                         long differ) {
        public double wallMsPerCell() {
            return wallSeconds * 1000 / cells;
        }

        public double cpuMsPerCell() {
            return cpuSeconds * 1000 / cells;
        }
    }

    private MatrixScale() {}

    public static Figure run(String label, Matrix matrix, List<Cell> cells, MatrixRunner runner)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("hm-bench-run");
        try {
            Meter m = Meter.start();
            JournaledRun done;
            try (ResultJournal journal = ResultJournal.create(dir.resolve(ResultJournal.FILE_NAME))) {
                done = new JournaledRun(runner, matrix, cells, journal).run(ProgressListener.NONE, null);
                RunReports.writeAll(dir, Map.of("matrix", matrix.file(), "bench", label), done.full(),
                        io.handshakematrix.config.ProductProfiles.builtin(), false);
            }
            long differ = done.brief().stream().filter(r -> !r.matches()).count();
            return new Figure(label, cells.size(), m.wallSeconds(), m.cpuSeconds(), Meter.peakHeapMiB(), differ);
        } finally {
            AllureResults.deleteTree(dir); // the run's reports include the allure-results folder
        }
    }

    /**
     * The base matrix with more sender MinimumDHBits values (a real axis of the product's settings) until it
     * has at least {@code atLeast} cells. The added values have no expectations of their own, so some of
     * their cells differ from the base rules; the figure is about cost, not verdicts.
     */
    public static Matrix generated(Matrix base, int atLeast) {
        List<String> minBits = new ArrayList<>(base.values(Cell.SENDER_MIN_DH_BITS));
        int perValue = base.cells().size() / Math.max(1, minBits.size());
        for (int v = 64; minBits.size() * perValue < atLeast; v += 64) {
            if (!minBits.contains(Integer.toString(v))) {
                minBits.add(Integer.toString(v));
            }
        }
        Map<String, List<String>> settings = new LinkedHashMap<>(base.settings());
        settings.put(Cell.SENDER_MIN_DH_BITS, minBits);
        return new Matrix(base.file() + " (generated: sender_min_dh_bits x" + minBits.size() + ")", base.product(),
                base.senders(), base.receivers(), settings, base.expectations(), base.disabled(), List.of(), List.of());
    }

    /** {@code n} of {@code cells}, shuffled with the same fixed seed as {@link #sample}. */
    public static List<Cell> sampleOf(List<Cell> cells, int n) {
        List<Cell> all = new ArrayList<>(cells);
        Collections.shuffle(all, new Random(20_26L));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** {@code n} cells in a shuffled order, so that every sample size has the same mix of RSA and DHE sizes. */
    public static List<Cell> sample(Matrix m, int n) {
        List<Cell> all = new ArrayList<>(m.cells());
        Collections.shuffle(all, new Random(20_26L)); // fixed seed: the same cells on every machine and run
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }

}
