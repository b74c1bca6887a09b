package io.handshakematrix.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;

/**
 * Written the way a product team would: "does our client still handshake with RHEL 6.10 and 7.7 receivers?"
 * The product here is a real program, OpenSSL 3.0's s_client in the Debian 12 image at security level 1 (as
 * the product configures it); the receivers are emulated RHEL stacks in their images (StackContainer).
 */
class ProductTeamExampleTest {
    private static GenericContainer<?> product;

    @BeforeAll
    static void startProduct() {
        TestEnvironment.require(docker(), () -> "no Docker engine answers (see .ci/run)");
        product = new GenericContainer<>("handshake-matrix/debian-12:bookworm").withNetworkMode("host")
                .withCommand("sleep", "infinity");
        product.start();
    }

    @AfterAll
    static void stopProduct() {
        if (product != null) {
            product.stop();
        }
    }

    /** Our client's handshake and secure ping against {@code host:port}, as the product runs it. */
    private static ExecResult productConnects(StackContainer receiver) throws Exception {
        return product.execInContainer("sh", "-c", "echo PING | openssl s_client -connect " + receiver.getHost() + ":"
                + receiver.getPort() + " -cipher 'DHE-RSA-AES256-SHA:AES256-SHA@SECLEVEL=1' -no_tls1_3");
    }

    @Test
    void rhel610WithItsInternalDhTableIsRefusedByOurClient() throws Exception {
        try (StackContainer rhel6 = StackContainer.receiver("rhel-6.10").withReceiveSide("NO").withDhGroup("256-g1")) {
            rhel6.start();
            ExecResult r = productConnects(rhel6);
            Handshake seen = rhel6.awaitHandshake(Duration.ofSeconds(20));
            assertTrue(r.getStderr().contains("bad dh value"), r::getStderr); // OpenSSL 3.0: 1 < g < p-1 checked first
            assertEquals(47, seen.alertReceived(), seen::toString);          // illegal_parameter, from our client
            assertTrue(seen.printed("alert illegal parameter"), seen::toString);
        }
    }

    @Test
    void rhel77WithTheFixedConfigTalksToOurClient() throws Exception {
        try (StackContainer rhel7 = StackContainer.receiver("rhel-7.7")
                .withConfig(Path.of("examples/configssl-fixed.cnf"))) { // RECEIVE_SIDE = NO, DH_1024 = dh1024.pem
            rhel7.start();
            ExecResult r = productConnects(rhel7);
            Handshake seen = rhel7.awaitHandshake(Duration.ofSeconds(20));
            assertTrue(seen.completed(), seen::toString);
            assertEquals("DHE-RSA-AES256-SHA", seen.suite());
            assertTrue(r.getStdout().contains("Server Temp Key: DH, 1024 bits"), r::getStdout);
        }
    }

    @Test
    void anEmulatedRhel77SenderGetsBadDhGValueFromRhel610() throws Exception {
        try (StackContainer rhel6 = StackContainer.receiver("rhel-6.10").withReceiveSide("NO").withDhGroup("256-g1")) {
            rhel6.start();
            try (StackContainer rhel7 = StackContainer.sender("rhel-7.7").withTarget(rhel6.getHost(), rhel6.getPort())) {
                rhel7.start(); // one handshake, then it exits
                Handshake sent = rhel7.handshakes().get(0);
                assertTrue(sent.printed("ssl3_get_key_exchange:bad dh g value"), sent::toString);
                assertEquals(50, sent.alertSent());
                assertEquals("g_above_1", sent.rule()); // the rhel-7.7 profile's check that fired
            }
            assertEquals(50, rhel6.awaitHandshake(Duration.ofSeconds(20)).alertReceived());
        }
    }

    private static boolean docker() {
        try {
            return "true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))
                    && DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
