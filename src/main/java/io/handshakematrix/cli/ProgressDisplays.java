package io.handshakematrix.cli;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.runner.ProgressListener;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** How a run shows it is alive: a progress bar on a terminal, one line per N cells in CI logs. */
final class ProgressDisplays {
    private ProgressDisplays() {}

    /** A terminal (and not CI) gets the bar; anything else, lines on {@code err}. */
    static ProgressListener choose(PrintStream err, int everyCells) {
        boolean interactive = System.console() != null && System.getenv("CI") == null;
        return interactive ? new Bar() : new Lines(err, everyCells);
    }

    /**
     * Counts shared by both displays: this run's cells by outcome, and the cells taken from the journal of the
     * interrupted run, so that the parts add up to the cells done.
     */
    private static class Tally {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger resumed = new AtomicInteger();
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger fail = new AtomicInteger();
        final AtomicInteger other = new AtomicInteger();

        int count(CellResult r) {
            Outcome o = r.result().outcome();
            (o == Outcome.OK ? ok : o == Outcome.FAIL ? fail : other).incrementAndGet();
            return done.incrementAndGet();
        }

        String counts() {
            String s = ok.get() + " ok, " + fail.get() + " fail, " + other.get() + " other";
            return resumed.get() > 0 ? s + ", " + resumed.get() + " from the journal" : s;
        }
    }

    /** me.tongfei:progressbar: done/total, rate (cells/s) and ETA; ok/fail counts as its extra message. */
    private static final class Bar extends Tally implements ProgressListener {
        private ProgressBar bar;

        @Override
        public void start(int total, int alreadyDone) {
            resumed.set(alreadyDone);
            bar = new ProgressBarBuilder().setTaskName("cells").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
                    .startsFrom(alreadyDone, Duration.ZERO).build();
        }

        @Override
        public synchronized void cellDone(CellResult r) {
            count(r);
            bar.step();
            bar.setExtraMessage(" " + counts());
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** A line per {@code every} cells (and at the end) with the rate and ETA, so CI logs show the run is alive. */
    private static final class Lines extends Tally implements ProgressListener {
        private final PrintStream err;
        private final int every;
        private int total;
        private int startedFrom;
        private long startNanos;

        Lines(PrintStream err, int every) {
            this.err = err;
            this.every = every;
        }

        @Override
        public void start(int total, int alreadyDone) {
            this.total = total;
            this.startedFrom = alreadyDone;
            resumed.set(alreadyDone);
            this.startNanos = System.nanoTime();
            if (alreadyDone > 0) {
                err.printf("  resuming: %d of %d cells already in the journal%n", alreadyDone, total);
            }
        }

        /** Synchronized: cells end on several pool threads, and the lines must come out in order. */
        @Override
        public synchronized void cellDone(CellResult r) {
            int n = count(r);
            int step = every > 0 ? every : Math.max(1, Math.min(50, (total - startedFrom) / 10));
            if (n % step == 0 || startedFrom + n == total) {
                double secs = Math.max((System.nanoTime() - startNanos) / 1e9, 1e-3);
                double rate = n / secs;
                long eta = Math.round((total - startedFrom - n) / Math.max(rate, 1e-9));
                err.printf("  %d/%d cells (%s), %.0f/s, ETA %d:%02d%n", startedFrom + n, total, counts(), rate,
                        eta / 60, eta % 60);
            }
        }
    }
}
