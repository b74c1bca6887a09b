package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.Engines;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The default matrix.yaml through JUnit 5: one dynamic test per cell, named from its axes, each a real
 * handshake judged against its expectation. A cell whose expected failure happens is a passed test.
 */
class DefaultMatrixTest {
    private static EngineRegistry engine;
    private static Matrix matrix;
    private static MatrixRunner runner;

    @BeforeAll
    static void load() {
        Path file = Path.of("matrix.yaml");
        ProfileCatalog profiles = ProfileCatalog.builtin();
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        matrix = new MatrixLoader(profiles, groups).load(file);
        engine = Engines.standard();
        runner = new MatrixRunner(new CellRunner(engine, profiles, groups, matrix.product(),
                file.toAbsolutePath().getParent(), Duration.ofSeconds(10)), 1);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCellAsExpected() {
        return matrix.cells().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)));
    }

    private static void check(Cell c) {
        CellResult r = runner.judge(matrix, c);
        assertTrue(r.matches(), () -> c.displayName() + ": " + String.join("; ", r.differences())
                + "\n  transcript:\n    " + String.join("\n    ", r.result().transcript()));
    }
}
