package io.handshakematrix.engine.jvm;

import io.handshakematrix.SharedMatrixRun;
import io.handshakematrix.TestEnvironment;
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
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * matrix-jvm.yaml: real JSSE (JDK 17, Temurin 25) and bc-fips stacks in child JVMs against each other and
 * the emulated RHEL stacks, in both directions. Every cell is judged twice: against its expectation, and
 * (the differential test, as for the container tier) against its emulated twin, i.e. the same cell with
 * each {@code X@jvm} replaced by the profile {@code X} run on the emulated engine: verdict, failing side,
 * alert and the failing side's error lines must be equal. The real cells come from the default matrix's run,
 * which includes this file; the twins run here. A cell whose real stack is absent here (no
 * Java 25, no bc-fips jars) is aborted with the reason, never passed.
 */
class JvmMatrixTest {
    private static final Path DEFAULT_MATRIX = Path.of("matrix.yaml");
    private static EngineRegistry engines;
    private static Matrix matrix;
    private static MatrixRunner runner;

    @BeforeAll
    static void load() {
        Path file = Path.of("matrix-jvm.yaml");
        ProfileCatalog profiles = ProfileCatalog.builtin();
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        engines = Engines.standard();
        matrix = new MatrixLoader(profiles, groups, engines.names()).load(file);
        runner = new MatrixRunner(new CellRunner(engines, profiles, groups, matrix.product(),
                file.toAbsolutePath().getParent(), Duration.ofSeconds(20)), 1);
    }

    @AfterAll
    static void close() {
        engines.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCellAsExpectedAndAsItsTwin() {
        return matrix.cells().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)));
    }

    private static void check(Cell c) {
        // matrix.yaml includes this file: its run (shared with DefaultMatrixTest) already holds the cell, judged by
        // this file's rules; only a cell it lacks (this file changed alone) runs here
        CellResult real = SharedMatrixRun.of(DEFAULT_MATRIX).result(c).orElseGet(() -> runner.judge(matrix, c));
        HandshakeResult r = real.result();
        TestEnvironment.require(!(r.outcome() == Outcome.SKIPPED && r.detail() != null && r.detail().startsWith("no Java")),
                r::detail);
        assertTrue(real.matches(), () -> c.displayName() + ": " + String.join("; ", real.differences())
                + "\n  transcript:\n    " + String.join("\n    ", r.transcript()));
        if (r.outcome() == Outcome.SKIPPED || !(c.sender() + c.receiver()).contains("@")) {
            return;
        }
        Cell twin = new Cell(emulated(c.sender()), emulated(c.receiver()), c.settings());
        HandshakeResult t = runner.judge(matrix, twin).result();
        String who = "twin " + twin.displayName() + " vs real";
        assertEquals(r.outcome(), t.outcome(), who + ": verdict (real: " + r.summary() + ", twin: " + t.summary() + ")");
        assertEquals(r.failedSide(), t.failedSide(), who + ": failing side");
        assertEquals(r.alert() == null ? null : r.alert().code(), t.alert() == null ? null : t.alert().code(),
                who + ": alert");
        assertEquals(failingLines(r), failingLines(t), who + ": the failing side's error lines");
    }

    private static List<String> failingLines(HandshakeResult r) {
        if (r.failedSide() == null) {
            return List.of();
        }
        return r.failedSide() == Side.SENDER ? r.senderErrors() : r.receiverErrors();
    }

    private static String emulated(String stack) {
        int at = stack.indexOf('@');
        return at < 0 ? stack : stack.substring(0, at);
    }
}
