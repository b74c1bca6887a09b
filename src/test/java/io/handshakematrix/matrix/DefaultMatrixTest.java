package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.SharedMatrixRun;
import io.handshakematrix.TestEnvironment;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.report.AllureCellText;
import io.handshakematrix.report.RunInfo;
import io.handshakematrix.report.RunReports;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The default matrix.yaml through JUnit 5: one dynamic test per cell, named from its axes, each a real
 * handshake judged against its expectation (the run is the JVM's one run of the matrix, SharedMatrixRun, which
 * other tests read too). A cell whose expected failure happens is a passed test.
 * It also writes the build's reports/ from its results the way 'run' does, the Allure compatibility report
 * included (report/AllureResults: one Allure test per cell, status = the handshake; unit tests stay out).
 */
class DefaultMatrixTest {
    private static SharedMatrixRun run;

    @BeforeAll
    static void load() {
        // -Dhandshake.matrix=COPY.yaml runs a copy instead (e.g. to see a changed expectation fail the build).
        run = SharedMatrixRun.of(Path.of(System.getProperty("handshake.matrix", "matrix.yaml")));
    }

    @TestFactory
    Stream<DynamicTest> everyCellAsExpected() {
        return run.matrix().cells().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> check(c)));
    }

    private static void check(Cell c) {
        CellResult r = run.result(c).orElseThrow(() -> new IllegalStateException(c.displayName() + ": not run"));
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
        List<CellResult> ran = run.results();
        if (ran.isEmpty()) {
            return;
        }
        Map<String, String> libs = new LinkedHashMap<>();
        run.profiles().all().forEach(p -> libs.put(p.id(), p.library()));
        Map<String, Object> info = RunInfo.of(run.matrix().file(), run.started(), ran, libs);
        // rendered even where other tests' runs are not
        RunReports.writeAll(Path.of("reports"), info, ran, io.handshakematrix.config.ProductProfiles.builtin(), true);
    }
}
