package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.SharedMatrixRun;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * matrix-wire.yaml (the wire-faithful receiver settings as matrix axes, each added as data): the emulated RHEL
 * receivers serve their own DEFAULT list with an RSA or an ECDSA P-256 certificate, and the product's settings on an
 * ECDSA receiver. Every cell is a real handshake, read from the default matrix's run (matrix.yaml includes this
 * file, and its run is shared with DefaultMatrixTest); each must match what this file writes down.
 */
class WireMatrixTest {
    @Test
    void everyCellOfTheWireMatrixIsAsExpected() {
        List<Cell> cells = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin(),
                Engines.standard().names()).load(Path.of("matrix-wire.yaml")).cells();
        SharedMatrixRun run = SharedMatrixRun.of(Path.of("matrix.yaml"));
        List<CellResult> results = new ArrayList<>();
        for (Cell c : cells) {
            CellResult r = run.result(c).orElseThrow(() -> new AssertionError(c.displayName()
                    + ": not in matrix.yaml's run; matrix.yaml is meant to include matrix-wire.yaml"));
            assertTrue(r.matches(), () -> c.displayName() + ": " + String.join("; ", r.differences()));
            results.add(r);
        }
        assertEquals(16, results.size());
        long ecdheEcdsa = results.stream().filter(r -> "ECDHE-ECDSA-AES256-GCM-SHA384".equals(r.result().cipher())).count();
        long noSharedCipher = results.stream().filter(r -> r.result().outcome() == Outcome.FAIL
                && String.join("\n", r.result().receiverErrors()).contains("no shared cipher")).count();
        assertEquals(4, ecdheEcdsa);       // DEFAULT list, ECDSA certificate, 2 x 2 RHEL pairs
        assertEquals(8, noSharedCipher);   // product settings (AES256-SHA, DHE-RSA-AES256-SHA), ECDSA key
    }
}
