package io.handshakematrix.diagnose;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.explain.SiblingFixes;
import io.handshakematrix.matrix.CellSettings;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.runner.CellRunner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The handshakes diagnose runs for every working receiver change, made once for a whole run: each of the product's
 * current peers (its emulated twin) against each receiver setup a proven fix changes to. A run's own cell with that
 * peer counts before its shipped check (SiblingFixes), so a real JVM's verdict wins over its twin's. Shipped with the default matrix's results, they let explain and the KB count a
 * fix's current peers over the same peers as diagnose ("3 of 6", not "2 of 3" from the run's senders alone).
 */
public final class PeerChecks {
    private PeerChecks() {}

    /**
     * Only ok and fail count, as {@code PeerCount} counts (a skipped handshake says nothing about a fix). An error or
     * a timeout is the harness's, never a peer's verdict: it stops the whole set, so that no shipped count quietly
     * leaves a peer out.
     */
    public static List<CellResult> of(List<CellResult> results, ProductProfile product, CellRunner runner, int jobs)
            throws InterruptedException {
        SiblingFixes fixes = new SiblingFixes(results, product, List.of());
        Map<String, Cell> changed = new LinkedHashMap<>();
        for (CellResult r : results) {
            if (r.result().outcome() == Outcome.FAIL) {
                for (SiblingFixes.Fix f : fixes.of(r.cell())) {
                    Cell c = f.changed();
                    // a peer twin has no crypto policy of its own to carry over: only the neutral sender setting
                    if (c.settings().getOrDefault(CellSettings.SENDER_POLICY,
                            io.handshakematrix.profile.CryptoPolicies.NEUTRAL).equals(io.handshakematrix.profile.CryptoPolicies.NEUTRAL)) {
                        changed.putIfAbsent(setup(c), CellAxes.withSenderMinDhBits(c, 0));
                    }
                }
            }
        }
        // the peers diagnose tries a fix against (with no other senders of its own)
        List<String> peers = new FixFinder(runner, product, List.of()).currentPeers();
        List<Cell> todo = new ArrayList<>();
        for (Map.Entry<String, Cell> e : changed.entrySet()) {
            for (String peer : peers) {
                // every current peer, even one the run met there: another run may not have it as a sender
                todo.add(CellAxes.withSender(e.getValue(), peer));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs));
        try {
            List<Future<CellResult>> running = new ArrayList<>();
            for (Cell c : todo) {
                running.add(pool.submit(() -> new CellResult(c, CellRunner.engineLabel(c), runner.run(c), null, null,
                        List.of())));
            }
            List<CellResult> out = new ArrayList<>();
            for (Future<CellResult> f : running) {
                CellResult r = f.get();
                if (r.result().outcome() == Outcome.ERROR || r.result().outcome() == Outcome.TIMEOUT) {
                    throw new IllegalStateException("a current-peer handshake gave " + r.result().outcome().label()
                            + " (" + r.cell().displayName() + "): " + r.result().summary());
                }
                if (r.result().outcome() == Outcome.OK || r.result().outcome() == Outcome.FAIL) {
                    out.add(r);
                }
            }
            return out;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a current-peer handshake broke: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A changed receiver setup with its variant: what a fix's peers are counted against. */
    private static String setup(Cell c) {
        return CellAxes.receiver(c) + "|" + CellAxes.receiveSide(c) + "|" + CellAxes.dhGroup(c) + "|"
                + CellAxes.protocol(c) + "|" + c.extras();
    }
}
