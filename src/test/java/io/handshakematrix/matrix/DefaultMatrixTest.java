package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.report.AllureCellText;
import io.handshakematrix.report.RunReports;
import io.handshakematrix.report.RunInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
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
 * It also writes the build's reports/ from its results the way 'run' does, the Allure compatibility report
 * included (report/AllureResults: one Allure test per cell, status = the handshake; unit tests stay out).
 */
class DefaultMatrixTest {
    private static EngineRegistry engine;
    private static Matrix matrix;
    private static MatrixRunner runner;
    private static ProfileCatalog profiles;
    private static final Map<Cell, CellResult> results = new ConcurrentHashMap<>();
    private static final Instant started = Instant.now();

    @BeforeAll
    static void load() {
        // -Dhandshake.matrix=COPY.yaml runs a copy instead (e.g. to see a changed expectation fail the build).
        Path file = Path.of(System.getProperty("handshake.matrix", "matrix.yaml"));
        profiles = ProfileCatalog.builtin();
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        matrix = new MatrixLoader(profiles, groups, io.handshakematrix.runner.Engines.standard().names()).load(file);
        engine = Engines.standard();
        runner = new MatrixRunner(new CellRunner(engine, profiles, groups, matrix.product(),
                file.toAbsolutePath().getParent(), Duration.ofSeconds(10)), 1);
    }

    @AfterAll
    static void closeEngines() {
        engine.close();
    }

    @TestFactory
    Stream<DynamicTest> everyCellAsExpected() {
        return matrix.cells().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)));
    }

    private static void check(Cell c) {
        CellResult r = runner.judge(matrix, c);
        results.put(c, r);
        if (!r.matches() && r.result().outcome() == Outcome.ERROR) {
            // Broken, not failed: the harness or its environment, never a stack (Allure "Environment error").
            throw new IllegalStateException(AllureCellText.message(r));
        }
        assertTrue(r.matches(), () -> c.displayName() + ": " + AllureCellText.message(r)
                + "\n  transcript:\n    " + String.join("\n    ", r.result().transcript()));
        // Reached only when the skip was expected (a stack that cannot run the cell, with the reason).
        if (r.result().outcome() == Outcome.SKIPPED) {
            TestEnvironment.skipAsDeclared(r.result().detail());
        }
    }

    /** The build's own reports: results.json/csv, the KB tables and the Allure report under reports/. */
    @AfterAll
    static void writeReports() throws IOException {
        List<CellResult> ran = matrix.cells().stream().map(results::get).filter(Objects::nonNull).toList();
        if (ran.isEmpty()) {
            return;
        }
        Map<String, String> libs = new LinkedHashMap<>();
        profiles.all().forEach(p -> libs.put(p.id(), p.library()));
        Map<String, Object> run = RunInfo.of(matrix.file(), started, ran, libs);
        RunReports.writeAll(Path.of("reports"), run, ran, io.handshakematrix.config.ProductProfiles.builtin(), true); // rendered even where other tests' runs are not
    }
}
