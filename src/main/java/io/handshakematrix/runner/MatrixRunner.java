package io.handshakematrix.runner;

import io.handshakematrix.matrix.Expectation;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Runs a matrix's cells on a bounded pool and judges each against its expectation. */
public final class MatrixRunner {
    private final CellRunner cells;
    private final int jobs;

    public MatrixRunner(CellRunner cells, int jobs) {
        this.cells = cells;
        this.jobs = Math.max(1, jobs);
    }

    /** Results in cell order; {@code onResult} sees each as it finishes (progress, streaming). */
    public List<CellResult> run(Matrix matrix, List<Cell> todo, Consumer<CellResult> onResult) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "cell-runner");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CellResult>> futures = new ArrayList<>();
            for (Cell c : todo) {
                futures.add(pool.submit(() -> {
                    CellResult r = judge(matrix, c);
                    onResult.accept(r);
                    return r;
                }));
            }
            List<CellResult> out = new ArrayList<>();
            for (Future<CellResult> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("cell runner crashed", e.getCause());
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    public CellResult judge(Matrix matrix, Cell c) {
        Optional<String> disabled = matrix.disabledReason(c);
        HandshakeResult r = disabled.map(HandshakeResult::skipped).orElseGet(() -> runSafely(c));
        Optional<Expectation> e = matrix.expectationFor(c);
        List<String> diffs;
        if (disabled.isPresent()) {
            diffs = List.of();
        } else if (e.isEmpty()) {
            diffs = List.of("no expectation in " + matrix.file() + " covers this cell; got " + r.summary());
        } else {
            diffs = e.get().differences(r);
        }
        return new CellResult(c, CellRunner.engineLabel(c), r, e.map(Expectation::describe).orElse(null),
                e.map(Expectation::line).orElse(null), diffs);
    }

    /** An engine that throws (even an AssertionError or a missing class) costs its cell, never the run. */
    private HandshakeResult runSafely(Cell c) {
        long start = System.nanoTime();
        try {
            return cells.run(c);
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            return HandshakeResult.error("harness: " + e, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
