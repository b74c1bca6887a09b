package io.handshakematrix.plan;

import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.ProductSettings;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.runner.MatrixRunner;
import io.handshakematrix.runner.ProgressListener;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every distinct cell a plan needs, each handshake run once on the matrix runner's pool and remembered:
 * a fleet has far more links than distinct (sender stack, receiver stack, settings) cells, and the fixes'
 * re-runs mostly land on cells already run. Plans have no expectations, so the runner gets a matrix without
 * rules and only the handshake results are kept.
 */
final class CellBatch {
    private final MatrixRunner pool;
    private final Matrix noRules;
    private final Map<Cell, HandshakeResult> results = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger handshakes = new java.util.concurrent.atomic.AtomicInteger();

    CellBatch(MatrixRunner pool, String fleetFile, ProductSettings product) {
        this.pool = pool;
        this.noRules = new Matrix(fleetFile, product, List.of(), List.of(), java.util.Map.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /** Runs the cells not run yet (each once, in parallel); {@code progress} sees each as it ends. */
    void runAll(Collection<Cell> cells, ProgressListener progress) throws InterruptedException {
        List<Cell> todo = new ArrayList<>(new LinkedHashSet<>(cells));
        todo.removeIf(results::containsKey);
        progress.start(todo.size(), 0);
        if (todo.isEmpty()) {
            return;
        }
        pool.stream(noRules, todo, (CellResult r) -> {
            results.put(r.cell(), r.result());
            handshakes.incrementAndGet();
            progress.cellDone(r);
        }, null);
    }

    /** A cell's result once run (by {@link #runAll} or recorded from a fix finder's own handshakes). */
    HandshakeResult get(Cell c) {
        HandshakeResult r = results.get(c);
        if (r == null) {
            throw new IllegalStateException("cell not run: " + c.displayName());
        }
        return r;
    }

    /** A handshake run elsewhere through the same CellRunner (the fix finder's): counted, and not run again. */
    void record(Cell c, HandshakeResult r) {
        results.putIfAbsent(c, r);
        handshakes.incrementAndGet();
    }

    /** Handshakes run for the plan: a fix finder may re-run a cell already known, so this can exceed the cells. */
    int handshakes() {
        return handshakes.get();
    }

    int distinctCells() {
        return results.size();
    }
}
