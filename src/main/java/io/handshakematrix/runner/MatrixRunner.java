package io.handshakematrix.runner;

import io.handshakematrix.matrix.Expectation;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** Runs a matrix's cells on a bounded pool and judges each against its expectation. */
public final class MatrixRunner {
    private final CellRunner cells;
    private final int jobs;
    /** Runs each handshake so that a pool thread can stop waiting for one that hangs past every timeout. */
    private final ExecutorService handshakes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "handshake");
        t.setDaemon(true);
        return t;
    });

    public MatrixRunner(CellRunner cells, int jobs) {
        this.cells = cells;
        this.jobs = Math.max(1, jobs);
    }

    /**
     * Runs {@code todo} on the pool; each judged result goes to {@code sink} as it finishes and is not kept,
     * so memory does not grow with the matrix. No cell starts after {@code deadline} (null: none); those
     * cells are returned. The first exception thrown by {@code sink} (say, a full disk) stops the run.
     */
    public List<Cell> stream(Matrix matrix, List<Cell> todo, Consumer<CellResult> sink, Instant deadline)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "cell-runner");
            t.setDaemon(true);
            return t;
        });
        List<Cell> notStarted = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        try {
            for (Cell c : todo) {
                pool.execute(() -> {
                    if (failure.get() != null || (deadline != null && Instant.now().isAfter(deadline))) {
                        notStarted.add(c);
                        return;
                    }
                    try {
                        sink.accept(judge(matrix, c));
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // cells are bounded by their own timeouts; keep waiting
            }
        } finally {
            pool.shutdownNow();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<Cell> left = new ArrayList<>(todo);
        left.retainAll(new HashSet<>(notStarted));
        return left;
    }

    /** Results in cell order, all held in memory (small matrices, tests); {@code onResult} sees each as it finishes. */
    public List<CellResult> run(Matrix matrix, List<Cell> todo, Consumer<CellResult> onResult) throws InterruptedException {
        Map<Cell, CellResult> done = new ConcurrentHashMap<>();
        stream(matrix, todo, r -> {
            done.put(r.cell(), r);
            onResult.accept(r);
        }, null);
        return todo.stream().map(done::get).toList();
    }

    public CellResult judge(Matrix matrix, Cell c) {
        Optional<String> disabled = matrix.disabledReason(c);
        return judge(matrix, c, disabled.map(Verdicts::disabled).orElseGet(() -> runSafely(c)));
    }

    /** Judges a result against the matrix as it is now (a resumed run may have edited expectations). */
    public static CellResult judge(Matrix matrix, Cell c, HandshakeResult handshake) {
        Optional<String> disabled = matrix.disabledReason(c);
        HandshakeResult r = disabled.map(Verdicts::disabled).orElse(handshake);
        if (disabled.isPresent()) { // switched off by a disabled: entry, with its reason; no rule judges it
            return new CellResult(c, CellRunner.engineLabel(c), r, Outcome.SKIPPED.label(),
                    matrix.disabledFor(c).map(Matrix.Disabled::line).orElse(null), List.of());
        }
        Optional<Expectation> e = matrix.expectationFor(c);
        List<String> diffs = e.isEmpty()
                ? List.of("no expectation in " + matrix.partFor(c).file() + " covers this cell; got " + r.summary())
                : e.get().differences(r, c);
        return new CellResult(c, CellRunner.engineLabel(c), r, e.map(Expectation::describe).orElse(null),
                e.map(Expectation::line).orElse(null), diffs);
    }

    /**
     * An engine that throws is this cell's {@code error}; one that hangs past every socket timeout is this
     * cell's {@code timeout} (its thread is abandoned, the run goes on). Even an AssertionError or a missing
     * class costs only its cell: Future.get wraps every Throwable.
     */
    private HandshakeResult runSafely(Cell c) {
        Duration limit = cells.hardLimit();
        long start = System.nanoTime();
        Future<HandshakeResult> f = handshakes.submit(() -> cells.run(c));
        try {
            return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof io.handshakematrix.yaml.InputError bad) {
                throw bad; // bad input an engine reads on first use (a product stack's file): the run stops, exit 2
            }
            return Verdicts.harnessFault("harness: " + e.getCause(), (System.nanoTime() - start) / 1_000_000);
        } catch (TimeoutException e) {
            f.cancel(true);
            return Verdicts.noAnswer("no answer from the engines within " + limit.toSeconds()
                    + " s (hard limit per cell)", null, limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return Verdicts.harnessFault("interrupted", 0);
        }
    }
}
