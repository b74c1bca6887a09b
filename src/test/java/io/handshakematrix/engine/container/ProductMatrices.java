package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.Engines;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs a product example matrix (examples/product*) the way {@code run} does, every cell a real handshake, and
 * finds its cells by their axes, so a test can check one cell's outcome, failing side, alert and error lines
 * beside the matrix's own expectations.
 */
final class ProductMatrices {
    private ProductMatrices() {}

    /** Every cell of {@code matrix}, each checked against its expectation; {@code ready} may skip the test first. */
    static List<CellResult> runAll(Path matrix, int cells, java.util.function.Consumer<EngineRegistry> ready)
            throws InterruptedException {
        ProfileCatalog profiles = ProfileCatalog.withDirectory(MatrixLoader.profileDirectory(matrix));
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        try (EngineRegistry engines = Engines.standard()) {
            ready.accept(engines);
            Matrix m = new MatrixLoader(profiles, groups, engines.names()).load(matrix);
            CellRunner runner = new CellRunner(engines, profiles, groups, m.product(),
                    matrix.toAbsolutePath().getParent(), Duration.ofSeconds(20));
            List<CellResult> results = new MatrixRunner(runner, 2).run(m, m.cells(), r -> { });
            assertEquals(cells, results.size());
            for (CellResult r : results) {
                assertTrue(r.matches(), () -> r.cell().displayName() + ": " + String.join("; ", r.differences()));
            }
            return results;
        }
    }

    /** The cells whose sender starts with {@code sender} and whose RECEIVE_SIDE, DH and protocol are these. */
    static List<HandshakeResult> cells(List<CellResult> results, String sender, String receiveSide, String dh,
                                       String protocol) {
        Predicate<Cell> p = c -> c.sender().startsWith(sender) && c.settings().get(Cell.RECEIVE_SIDE).equals(receiveSide)
                && (dh == null || c.settings().get(Cell.DH).equals(dh))
                && c.settings().get(Cell.PROTOCOL).equals(protocol);
        List<HandshakeResult> found = results.stream().filter(r -> p.test(r.cell())).map(CellResult::result).toList();
        assertTrue(!found.isEmpty(), "no cell " + sender + " " + receiveSide + " " + dh + " " + protocol);
        return found;
    }

    /** How many cells ended in each outcome. */
    static Map<Outcome, Long> outcomes(List<CellResult> results) {
        return results.stream().collect(Collectors.groupingBy(r -> r.result().outcome(), Collectors.counting()));
    }
}
