package io.handshakematrix.engine.container;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Judges the emulation by real software: every cell of matrix-containers.yaml that has a real (container) side
 * runs as written and again with each real side replaced by its emulated twin. Verdict, failing side, alert and
 * the failing side's first error line must be equal; the real result must also meet the matrix's expectation.
 * One dynamic test per cell, named after it. Without a Docker engine every test is skipped with the reason.
 */
class ContainerDifferentialTest {
    private static ContainerTier tier;
    private static Optional<String> problem;
    // filled from the runner's pool threads (two cells at a time): must be concurrent
    private static final Map<String, CellResult> real = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<String, CellResult> twins = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void runBothTiers() throws InterruptedException {
        tier = new ContainerTier();
        problem = tier.dockerProblem();
        if (problem.isPresent()) {
            return;
        }
        List<Cell> cells = tier.matrix.cells().stream().filter(ContainerTier::hasContainerSide).toList();
        // Two cells at a time: each is a few processes in the containers plus the relay threads.
        tier.runner(2).run(tier.matrix, cells, r -> real.put(r.cell().key(), r));
        tier.runner(2).run(tier.matrix, cells.stream().map(ContainerTier::twin).toList(),
                r -> twins.put(r.cell().key(), r));
    }

    @AfterAll
    static void close() {
        if (tier != null) {
            tier.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> realStackAndEmulatedTwinAgree() {
        return new ContainerTier().matrix.cells().stream().filter(ContainerTier::hasContainerSide)
                .map(c -> DynamicTest.dynamicTest(c.displayName(), () -> compare(c)));
    }

    private static void compare(Cell c) {
        TestEnvironment.require(problem.isEmpty(), () -> "container tier skipped: " + problem.orElse(""));
        TwinAgreement.assertAgree(c.displayName(), "matrix-containers.yaml", real.get(c.key()),
                twins.get(ContainerTier.twin(c).key()));
    }
}
