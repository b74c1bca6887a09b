package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
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

    /**
     * The support case's sender error provoked by the product's own server (g = p-1 at 1024 bits, which its
     * OpenSSL 3.0 serves at security level 1): RHEL 7.7 refuses it while parsing, alert 50; the product's line.
     */
    static void assertTheSupportCaseSenderError(HandshakeResult g) {
        assertEquals(io.handshakematrix.model.Side.SENDER, g.failedSide(), g.summary());
        assertEquals(new io.handshakematrix.model.Alert(50, "decode_error", io.handshakematrix.model.Side.SENDER), g.alert());
        assertEquals(List.of("error:1408D177:SSL routines:ssl3_get_key_exchange:bad dh g value:s3_clnt.c:1786:"), g.senderErrors());
        assertEquals(List.of("error:0A00041A:SSL routines:ssl3_read_bytes:tlsv1 alert decode error:"
                + "../ssl/record/rec_layer_s3.c:1601:SSL alert number 50"), g.receiverErrors()); // the product's own line
    }
}
