package com.example.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.testkit.Handshake;
import io.handshakematrix.testkit.StackContainer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

/**
 * Does our client still handshake with a RHEL 6.10 receiver that serves the product's internal 256-bit DH table
 * (RECEIVE_SIDE = NO)? Our client here is OpenSSL 3.0's s_client in the Debian 12 image at security level 1.
 */
class RhelReceiverTest {
    private static GenericContainer<?> ourClient;

    @BeforeAll
    static void startOurClient() {
        ourClient = new GenericContainer<>("handshake-matrix/debian-12:bookworm").withNetworkMode("host")
                .withCommand("sleep", "infinity");
        ourClient.start();
    }

    @AfterAll
    static void stopOurClient() {
        ourClient.stop();
    }

    @Test
    void rhel610WithItsInternalDhTableIsRefusedByOurClient() throws Exception {
        try (StackContainer rhel6 = StackContainer.receiver("rhel-6.10").withReceiveSide("NO").withDhGroup("256-g1")) {
            rhel6.start();
            ExecResult r = ourClient.execInContainer("sh", "-c", "echo PING | openssl s_client -connect "
                    + rhel6.getHost() + ":" + rhel6.getPort() + " -cipher 'DHE-RSA-AES256-SHA:AES256-SHA@SECLEVEL=1' -no_tls1_3");
            Handshake seen = rhel6.awaitHandshake(Duration.ofSeconds(20));
            assertTrue(r.getStderr().contains("bad dh value"), r::getStderr); // OpenSSL 3.0: 1 < g < p-1 checked first
            assertEquals(47, seen.alertReceived(), seen::toString);          // illegal_parameter, from our client
        }
    }
}
