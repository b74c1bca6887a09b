package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.SharedMatrixRun;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.profile.ProfileCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * matrix-upgrade.yaml (RHEL 6.10/7.7 hosts meeting RHEL 8.10, 9.4 and 10.0 under their crypto policies, TLSv1.2 and
 * protocols default): every cell a real handshake, each as the file writes down from docs/stacks.md. matrix.yaml
 * includes the file, so its cells come from the default matrix's run (shared with DefaultMatrixTest, judged by this
 * file's rules); the file's own run is made only if the default matrix lacks a cell (this file changed alone).
 */
class UpgradeMatrixTest {
    @Test
    void everyCellOfTheUpgradeMatrixIsAsExpected() {
        Path file = Path.of("matrix-upgrade.yaml");
        List<Cell> cells = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin(),
                Engines.standard().names()).load(file).cells();
        SharedMatrixRun defaults = SharedMatrixRun.of(Path.of("matrix.yaml"));
        List<CellResult> results = new ArrayList<>();
        for (Cell c : cells) {
            CellResult r = defaults.result(c).or(() -> SharedMatrixRun.of(file).result(c))
                    .orElseThrow(() -> new AssertionError(c.displayName() + ": not run"));
            assertTrue(r.matches(), () -> c.displayName() + ": " + String.join("; ", r.differences()));
            results.add(r);
        }
        assertEquals(480, results.size());
        // Two RHEL 8+ hosts with protocols default negotiate TLS 1.3 on x25519 (the measured ClientHello's key share).
        long tls13 = results.stream().filter(r -> "TLSv1.3".equals(r.result().protocol())).count();
        long x25519 = results.stream().filter(r -> "TLSv1.3".equals(r.result().protocol())
                && r.result().tempKey() != null && r.result().tempKey().startsWith("X25519")).count();
        assertTrue(tls13 > 0, "no TLS 1.3 cell");
        assertEquals(tls13, x25519);
    }

    /**
     * matrix-upgrade-sha1.yaml, which runs on its own (its receiver would take the default KB article past 15 KB):
     * every cell as expected, and the signature check fires after the DH checks with each release's alert (RHEL 9
     * and 10: 47, RHEL 8 FUTURE: 40; docs/stacks.md).
     */
    @Test
    void everyCellOfTheSha1MatrixIsAsExpected() {
        Path file = Path.of("matrix-upgrade-sha1.yaml");
        List<Cell> cells = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin(),
                Engines.standard().names()).load(file).cells();
        SharedMatrixRun run = SharedMatrixRun.of(file);
        List<CellResult> results = new ArrayList<>();
        for (Cell c : cells) {
            CellResult r = run.result(c).orElseThrow(() -> new AssertionError(c.displayName() + ": not run"));
            assertTrue(r.matches(), () -> c.displayName() + ": " + String.join("; ", r.differences()));
            results.add(r);
        }
        assertEquals(56, results.size());
        java.util.Set<Integer> sha1Alerts = new java.util.TreeSet<>();
        for (CellResult r : results) {
            if ("sha1_signature".equals(r.result().senderTrace().rule())) {
                sha1Alerts.add(r.result().alert().code());
            }
        }
        assertEquals(java.util.Set.of(40, 47), sha1Alerts);
    }
}
