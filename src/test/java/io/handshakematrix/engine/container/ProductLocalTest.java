package io.handshakematrix.engine.container;

import static io.handshakematrix.engine.container.ProductMatrices.cells;
import static io.handshakematrix.engine.container.ProductMatrices.outcomes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.model.Alert;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product as a matrix side with {@code local: true}: its command runs on this machine (/bin/sh -c, this
 * machine's /usr/bin/openssl standing in), no Docker. examples/product-local/ crosses the product's server with
 * the emulated RHEL 6.10 and 7.7 senders in this JVM, and its client with the emulated receivers. Beside each
 * matrix's own expectations, this checks the cells that prove the receiver role and the verdict patterns work:
 * the product's own error lines (read through its {@code verdict:} patterns, thread id taken off), the failing
 * side and the alert off the wire, and the setting the product refused (skipped in its own words).
 */
class ProductLocalTest {
    private static final Path DIR = Path.of("examples/product-local");
    private static final String SIGALG = "error:0A000076:SSL routines:tls_choose_sigalg:no suitable signature algorithm:../ssl/t1_lib.c:3353:";

    @BeforeAll
    static void openssl() {
        TestEnvironment.require(Files.isExecutable(Path.of("/usr/bin/openssl")),
                () -> "no /usr/bin/openssl on this machine (the local product's stand-in; apt-get install openssl)");
    }

    @Test
    void theProductServerOnThisMachineAgainstTheEmulatedRhelSenders() throws InterruptedException {
        List<CellResult> all = ProductMatrices.runAll(DIR.resolve("matrix-server.yaml"), 40, e -> { });
        assertEquals(Map.of(Outcome.OK, 14L, Outcome.FAIL, 18L, Outcome.SKIPPED, 8L), outcomes(all));

        HandshakeResult dhe = cells(all, "rhel-7.7", "NO", "1024", "TLSv1.2").get(0);
        assertEquals("DHE-RSA-AES256-SHA", dhe.cipher());
        assertEquals(1024, dhe.dhBits());

        // the support case's error, provoked by the product's server: RHEL 7.7 refuses g = p-1 while parsing
        ProductMatrices.assertTheSupportCaseSenderError(cells(all, "rhel-7.7", "NO", "1024-g-pm1", "TLSv1.2").get(0));

        // RHEL 6.10 closes without an alert; the product's s_server answers that EOF with alert 50 of its own
        HandshakeResult g6 = cells(all, "rhel-6.10", "NO", "1024-g-pm1", "TLSv1.2").get(0);
        assertEquals(Side.SENDER, g6.failedSide());
        assertEquals(new Alert(50, "decode_error", Side.RECEIVER), g6.alert());
        assertEquals(List.of("error:0A000126:SSL routines:ssl3_read_n:unexpected eof while reading:"
                + "../ssl/record/rec_layer_s3.c:318:"), g6.receiverErrors());

        for (HandshakeResult r : cells(all, "rhel", "YES", null, "TLSv1")) { // the receiver's own refusal
            assertEquals(Outcome.FAIL, r.outcome());
            assertEquals(Side.RECEIVER, r.failedSide());
            assertEquals(new Alert(80, "internal_error", Side.RECEIVER), r.alert());
            assertEquals(List.of(SIGALG), r.receiverErrors());
        }
        for (String dh : List.of("512", "256-g1")) { // a DH file the product refuses to load: skipped in its words
            for (HandshakeResult r : cells(all, "rhel", "NO", dh, "TLSv1.2")) {
                assertEquals(Outcome.SKIPPED, r.outcome());
                assertEquals("our-server-local refused this setting before listening (exit 1): error:0A00018A:SSL "
                        + "routines:SSL_CTX_set0_tmp_dh_pkey:dh key too small:../ssl/ssl_lib.c:6016:", r.detail());
            }
        }
    }

    @Test
    void theProductClientOnThisMachineAgainstTheEmulatedRhelReceivers() throws InterruptedException {
        List<CellResult> all = ProductMatrices.runAll(DIR.resolve("matrix-client.yaml"), 20, e -> { });
        assertEquals(Map.of(Outcome.OK, 14L, Outcome.FAIL, 6L), outcomes(all));
        for (HandshakeResult r : cells(all, "our-client-local", "NO", "256-g1", "TLSv1.2")) {
            assertEquals(Side.SENDER, r.failedSide());
            assertEquals(new Alert(47, "illegal_parameter", Side.SENDER), r.alert());
            assertEquals("error:02800078:Diffie-Hellman routines:DH_check_params_ex:not suitable generator:"
                    + "../crypto/dh/dh_check.c:38:", r.senderErrors().get(0)); // the product's own first line
            assertTrue(r.senderErrors().stream().anyMatch(l -> l.contains("tls_process_ske_dhe:bad dh value")),
                    () -> r.senderErrors().toString());
        }
        HandshakeResult small = cells(all, "our-client-local", "NO", "512", "TLSv1.2").get(0);
        assertEquals(List.of("error:0A00018A:SSL routines:tls_process_ske_dhe:dh key too small:"
                + "../ssl/statem/statem_clnt.c:2092:"), small.senderErrors());
        assertEquals(new Alert(40, "handshake_failure", Side.SENDER), small.alert());
    }
}
