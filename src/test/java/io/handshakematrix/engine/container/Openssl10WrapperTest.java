package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.model.Alert;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * shims/openssl-1.0.sh, the wrapper of the real RHEL images, against images/openssl-1.0-standin: an `openssl`
 * that accepts only the OpenSSL 1.0.x command line (s_server -accept PORT, no -naccept/-rev/-max_protocol/
 * -no_tls1_3/@SECLEVEL) and refuses anything else, over OpenSSL 3.0 at security level 1. A wrapper line that
 * used a 1.1+ option would make the stand-in exit with "unknown option" and these cells fail. The verdicts
 * are 3.0's (the stand-in tests command lines, not 1.0.x's checks).
 */
class Openssl10WrapperTest {
    // the stand-in runs 3.0's s_client with the suites of this profile (DHE-RSA-AES256-SHA among them)
    private static final ContainerStacks STANDIN = ContainerStacks.of(new ContainerStacks.Stack(
            "openssl-3.0-seclevel1", "openssl-1.0-standin", Map.of(), "stand-in for the 1.0.x command line"));

    @Test
    void asReceiverAndAsSenderThroughTheOneZeroCommandLine() {
        try (ShimTier tier = new ShimTier(STANDIN, ShimTier.IMAGES)) {
            TestEnvironment.require(tier.engine.docker().isEmpty(), () -> "no Docker: " + tier.engine.docker().orElse(""));
            HandshakeResult served = tier.run(new Cell("rhel-7.7", "openssl-3.0-seclevel1@container", "NO", "1024",
                    "TLSv1.2", 0));
            assertEquals(Outcome.OK, served.outcome(), served::summary);
            assertEquals("DHE-RSA-AES256-SHA", served.cipher());
            assertEquals(1024, served.dhBits());

            HandshakeResult rsa = tier.run(new Cell("rhel-7.7", "openssl-3.0-seclevel1@container", "YES", "1024",
                    "TLSv1.2", 0));
            assertEquals(Outcome.OK, rsa.outcome(), rsa::summary);
            assertEquals("AES256-SHA", rsa.cipher());

            HandshakeResult sent = tier.run(new Cell("openssl-3.0-seclevel1@container", "rhel-6.10", "NO", "1024",
                    "TLSv1.2", 0));
            assertEquals(Outcome.OK, sent.outcome(), sent::summary);

            // 512 bits is under security level 1's floor: the sender refuses, alert 40, with 3.0's own line
            HandshakeResult small = tier.run(new Cell("openssl-3.0-seclevel1@container", "rhel-6.10", "NO", "512",
                    "TLSv1.2", 0));
            assertEquals(Outcome.FAIL, small.outcome(), small::summary);
            assertEquals(Side.SENDER, small.failedSide());
            assertEquals(new Alert(40, "handshake_failure", Side.SENDER), small.alert());
            assertTrue(small.senderErrors().get(0).contains("dh key too small"), small.senderErrors()::toString);

        }
    }
}
