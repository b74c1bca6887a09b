package io.handshakematrix.bench;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.runner.CellRunner;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Full handshakes per second for one cell, repeated by {@code jobs} threads for a fixed time: the real
 * cell path (receiver on 127.0.0.1, sender, secure ping, verdict). Every handshake must end as the
 * first one did, or the figure is refused: a rate of failures would be no rate of handshakes.
 */
public final class KexThroughput {
    public record Figure(String label, int handshakes, double wallSeconds, double cpuSeconds, String outcome) {
        public double perSecond() {
            return handshakes / wallSeconds;
        }

        public double cpuMsEach() {
            return cpuSeconds * 1000 / handshakes;
        }
    }

    private KexThroughput() {}

    public static Figure measure(String label, CellRunner runner, Cell cell, int jobs, Duration warmup, Duration time)
            throws InterruptedException {
        HandshakeResult first = runner.run(cell);
        if (first.outcome() != Outcome.OK) {
            throw new IllegalStateException(label + ": the cell did not complete: " + first.summary());
        }
        return measure(label, () -> runner.run(cell).summary(), first.summary(), jobs, warmup, time);
    }

    /**
     * As above for a handshake that is not a matrix cell (e.g. a receiver serving its stack's DEFAULT list):
     * {@code handshake} runs one and returns its summary, which must stay {@code expected}.
     */
    public static Figure measure(String label, java.util.function.Supplier<String> handshake, String expected, int jobs,
                                 Duration warmup, Duration time) throws InterruptedException {
        repeat(handshake, jobs, warmup, null);
        Meter m = Meter.start();
        int n = repeat(handshake, jobs, time, expected);
        return new Figure(label, n, m.wallSeconds(), m.cpuSeconds(), expected);
    }

    private static int repeat(java.util.function.Supplier<String> handshake, int jobs, Duration time, String mustBe)
            throws InterruptedException {
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> wrong = new AtomicReference<>();
        long end = System.nanoTime() + time.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        for (int j = 0; j < jobs; j++) {
            pool.execute(() -> {
                while (System.nanoTime() < end && wrong.get() == null) {
                    String got = handshake.get();
                    if (mustBe != null && !got.equals(mustBe)) {
                        wrong.compareAndSet(null, got);
                    }
                    done.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(time.toSeconds() + 120, TimeUnit.SECONDS);
        if (wrong.get() != null) {
            throw new IllegalStateException("a repeated handshake ended differently: " + wrong.get());
        }
        return done.get();
    }
}
