package io.handshakematrix.engine.container;

import static io.handshakematrix.engine.container.ProductMatrices.cells;
import static io.handshakematrix.engine.container.ProductMatrices.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.model.Alert;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * examples/product/: the example product (declared in data; openssl s_client and s_server in the Debian 12 image)
 * crossed with the emulated RHEL 6.10 and 7.7 images, as sender (matrix.yaml) and as receiver (matrix-server.yaml),
 * every cell as the matrix expects, and the receiver's own cells checked one by one.
 */
class ProductMatrixTest {
    private static final Path DIR = Path.of("examples/product");

    private static void docker(EngineRegistry engines) {
        TestEnvironment.require(((ImageEngine) engines.get(ImageEngine.NAME)).docker().isEmpty(),
                () -> "no Docker engine answers (see .ci/run)");
    }

    @Test
    void theExampleProductAgainstTheRhelImages() throws InterruptedException {
        ProductMatrices.runAll(DIR.resolve("matrix.yaml"), 16, ProductMatrixTest::docker);
    }

    @Test
    void theExampleProductServerAgainstTheRhelSenderImages() throws InterruptedException {
        List<CellResult> all = ProductMatrices.runAll(DIR.resolve("matrix-server.yaml"), 40, ProductMatrixTest::docker);
        assertEquals(Map.of(Outcome.OK, 14L, Outcome.FAIL, 18L, Outcome.SKIPPED, 8L), outcomes(all));

        // RHEL 6.10 closes first, without an alert; s_server answers that EOF with alert 50: the sender gave up
        HandshakeResult g6 = cells(all, "rhel-6.10@image", "NO", "1024-g-pm1", "TLSv1.2").get(0);
        assertEquals(Side.SENDER, g6.failedSide(), g6.summary());
        assertEquals(new Alert(50, "decode_error", Side.RECEIVER), g6.alert());
        assertEquals("ys_in_range", g6.senderTrace().rule(), "the agent's word for the check that fired");

        ProductMatrices.assertTheSupportCaseSenderError(cells(all, "rhel-7.7@image", "NO", "1024-g-pm1", "TLSv1.2").get(0));

        for (HandshakeResult r : cells(all, "rhel", "YES", null, "TLSv1")) {
            assertEquals(Side.RECEIVER, r.failedSide());
            assertEquals(new Alert(80, "internal_error", Side.RECEIVER), r.alert());
            assertEquals(List.of("error:0A000076:SSL routines:tls_choose_sigalg:no suitable signature algorithm:"
                    + "../ssl/t1_lib.c:3353:"), r.receiverErrors());
        }
        for (HandshakeResult r : cells(all, "rhel", "NO", "256-g1", "TLSv1.2")) {
            assertEquals(Outcome.SKIPPED, r.outcome());
            assertTrue(r.detail().startsWith("our-server refused this setting before listening (exit 1): error:0A00018A:"
                    + "SSL routines:SSL_CTX_set0_tmp_dh_pkey:dh key too small"), r.detail());
        }
    }
}
