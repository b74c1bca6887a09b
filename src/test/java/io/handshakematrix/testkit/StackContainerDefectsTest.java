package io.handshakematrix.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * What a product team's test gets when something is wrong: a reason, not an empty list or a bare timeout.
 */
class StackContainerDefectsTest {
    @Test
    void aSenderAimedAtAClosedPortThrowsWithTheAgentsReason() throws IOException {
        TestEnvironment.require(docker(), () -> "no Docker engine answers (see .ci/run)");
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort(); // bound, then closed: nothing listens there once the sender connects
        }
        try (StackContainer rhel7 = StackContainer.sender("rhel-7.7").withTarget("127.0.0.1", closed)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, rhel7::start);
            assertTrue(e.getMessage().startsWith("rhel-7.7 sender made no handshake with 127.0.0.1:" + closed + ": "),
                    e.getMessage());
            assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        }
    }

    @Test
    void awaitHandshakeSaysWhatItWaitedFor() {
        TestEnvironment.require(docker(), () -> "no Docker engine answers (see .ci/run)");
        try (StackContainer rhel6 = StackContainer.receiver("rhel-6.10")) {
            rhel6.start();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> rhel6.awaitHandshake(Duration.ofMillis(300)));
            assertTrue(e.getMessage().startsWith("rhel-6.10 receiver on 127.0.0.1:" + rhel6.getPort()
                    + " saw no handshake within 0 s (waited for a peer's ClientHello"), e.getMessage());
        }
    }

    @Test
    void anUnknownStackListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StackContainer.receiver("rhel-6.11"));
        assertTrue(e.getMessage().startsWith("unknown stack 'rhel-6.11'; expected one of "), e.getMessage());
        assertTrue(e.getMessage().contains("rhel-6.10, rhel-6.10-fips"), e.getMessage());
    }

    @Test
    void theConstructorBuildsNoImage() {
        // A profile whose image cannot be built would fail at once if the constructor built it; it is only
        // described here, so creating the container is instant and touches no Docker engine.
        long t0 = System.nanoTime();
        try (StackContainer c = StackContainer.receiver("rhel-7.7").withReceiveSide("NO")) {
            assertTrue(c.stack().equals("rhel-7.7"));
        }
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos(), "the constructor took more than 2 s");
    }

    private static boolean docker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
