package io.handshakematrix.engine.container;

import io.handshakematrix.TestEnvironment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** A container stopped mid-run makes its cells {@code error} with the reason; the rest of the run completes. */
class ContainerFaultTest {
    private static final String IMAGE = "handshake-matrix/debian-12:bookworm";

    @Test
    void stoppedReceiverContainerMakesItsCellsErrorAndTheRunGoesOn() throws InterruptedException {
        try (ContainerTier tier = new ContainerTier()) {
            TestEnvironment.require(tier.dockerProblem().isEmpty(), () -> "no Docker: " + tier.dockerProblem().orElse(""));
            Cell viaContainer = new Cell("rhel-7.7", "openssl-3.0-seclevel1@container", "NO", "1024", "TLSv1.2", 0);
            Cell emulated = new Cell("rhel-7.7", "rhel-6.10", "NO", "1024", "TLSv1.2", 0);
            CellResult before = tier.runner(1).judge(tier.matrix, viaContainer);
            assertEquals(Outcome.OK, before.result().outcome(), () -> before.result().summary());

            stopContainersOf(IMAGE);

            List<CellResult> after = tier.runner(2).run(tier.matrix, List.of(viaContainer, emulated, viaContainer), r -> { });
            for (CellResult r : List.of(after.get(0), after.get(2))) {
                assertEquals(Outcome.ERROR, r.result().outcome(), () -> r.result().summary());
                assertTrue(r.result().detail().contains("openssl-3.0-seclevel1 receiver"), r.result().detail());
            }
            assertEquals(Outcome.OK, after.get(1).result().outcome(), () -> after.get(1).result().summary());
        }
    }

    /**
     * Stops this run's containers of {@code image} from outside, as a crash or an operator would. Only this JVM's
     * (Testcontainers' session label): the ancestor filter alone also matched every other build's containers on a
     * shared Docker engine, product test containers included, and stopped them mid-test.
     */
    private static void stopContainersOf(String image) {
        DockerClient docker = DockerClientFactory.instance().client();
        List<Container> running = docker.listContainersCmd().withAncestorFilter(List.of(image))
                .withLabelFilter(java.util.Map.of(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL,
                        DockerClientFactory.SESSION_ID)).exec();
        assertFalse(running.isEmpty(), "the cell ran, yet no container of " + image + " is running");
        running.forEach(c -> docker.stopContainerCmd(c.getId()).withTimeout(1).exec());
    }
}
