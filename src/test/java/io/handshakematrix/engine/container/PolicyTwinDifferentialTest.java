package io.handshakematrix.engine.container;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Real upstream OpenSSL under the RHEL crypto policies judges the emulated policy stacks: every cell of
 * matrix-policy-twins.yaml (and its includes) runs with the real stack (openssl-1.1.1-policy@container,
 * openssl-3.0-policy@container: 1.1.1w and 3.0 reading the policy's generated openssl.cnf) and again with its twin
 * (rhel-8.10's and rhel-9.4's profiles with upstream's error lines, PolicyTwinProfilesTest). Verdict, failing side,
 * alert and first error line must be equal, and the real result must meet the matrix. The cell runs a third time with
 * the RHEL profile itself in the twin's place: verdict, failing side, alert and the first line's OpenSSL reason must be
 * the real build's too (its code, file and line are RHEL's). Without a Docker engine every test is skipped with the
 * reason (a failure in CI).
 */
class PolicyTwinDifferentialTest {
    static final Path MATRIX = Path.of("matrix-policy-twins.yaml");

    private static ContainerTier tier;
    private static Optional<String> problem;
    // filled from the runner's pool threads (two cells at a time): must be concurrent
    private static final Map<String, CellResult> real = new ConcurrentHashMap<>();
    private static final Map<String, CellResult> twins = new ConcurrentHashMap<>();
    private static final Map<String, CellResult> rhel = new ConcurrentHashMap<>();

    @BeforeAll
    static void runBothTiers() throws InterruptedException {
        tier = new ContainerTier(MATRIX);
        problem = tier.dockerProblem();
        if (problem.isPresent()) {
            return;
        }
        List<Cell> cells = tier.matrix.cells().stream().filter(ContainerTier::hasContainerSide).toList();
        tier.runner(2).run(tier.matrix, cells, r -> real.put(r.cell().key(), r));
        tier.runner(2).run(tier.matrix, cells.stream().map(ContainerTier::twin).toList(),
                r -> twins.put(r.cell().key(), r));
        tier.runner(2).run(tier.matrix, cells.stream().map(PolicyTwinDifferentialTest::rhel).toList(),
                r -> rhel.put(r.cell().key(), r));
    }

    /** The cell with each real policy twin replaced by the RHEL profile it stands for. */
    static Cell rhel(Cell c) {
        return new Cell(rhelOf(c.sender()), rhelOf(c.receiver()), c.settings());
    }

    private static String rhelOf(String stack) {
        String id = stack.replace("@container", "");
        return stack.endsWith("@container") ? PolicyTwinProfilesTest.RHEL_OF.getOrDefault(id, id) : stack;
    }

    @AfterAll
    static void close() {
        if (tier != null) {
            tier.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> realUpstreamUnderThePolicyAndItsTwinAgree() {
        List<Cell> cells = new ContainerTier(MATRIX).matrix.cells().stream().filter(ContainerTier::hasContainerSide)
                .toList();
        return cells.stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> compare(c)));
    }

    private static void compare(Cell c) {
        TestEnvironment.require(problem.isEmpty(), () -> "policy twins skipped: " + problem.orElse(""));
        TwinAgreement.assertAgree(c.displayName(), MATRIX.toString(), real.get(c.key()),
                twins.get(ContainerTier.twin(c).key()));
        TwinAgreement.assertSameDecision(c.displayName() + " (as " + rhel(c).displayName() + ")", real.get(c.key()),
                rhel.get(rhel(c).key()));
    }
}
