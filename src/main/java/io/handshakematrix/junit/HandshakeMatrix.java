package io.handshakematrix.junit;

import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.report.RunInfo;
import io.handshakematrix.report.RunReports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;

/**
 * A matrix file as JUnit 5 tests, for a product team's build and for this harness's own:
 * <pre>
 *   &#64;TestFactory
 *   Stream&lt;DynamicNode&gt; matrix() {
 *       return HandshakeMatrix.from("src/test/resources/matrix.yaml").reportsTo(Path.of("target/handshake-matrix")).tests();
 *   }
 * </pre>
 * Every cell is one test, named from its axes, grouped by setting (RECEIVE_SIDE and any variant axis) and then by
 * pair (sender -> receiver); it passes when the cell is as the matrix expects, its failure message is the DIFFERS
 * line. Its results go to results.json, the KB and the Allure results (rendered when the Allure command line is
 * found: $ALLURE_HOME or target/allure-cli/, where the dependency plugin unpacks allure-commandline) in the
 * reports folder. A missing or malformed file fails the test container with its one file:line line.
 */
public final class HandshakeMatrix {
    /** Generous: machines running builds are shared; a handshake is far quicker, the timeout only bounds a hang. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    private final Path file;
    private Path reports;
    private int jobs = 2;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean renderAllure = RunReports.renderAllureByDefault();

    private HandshakeMatrix(Path file) {
        this.file = file;
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        this.reports = Path.of("target", "handshake-matrix", name);
    }

    /** The matrix in {@code file} (relative to the working directory: the module's folder under Maven). */
    public static HandshakeMatrix from(String file) {
        return from(Path.of(file));
    }

    public static HandshakeMatrix from(Path file) {
        return new HandshakeMatrix(file);
    }

    /** Where results.json, kb.md/html and allure-results (and allure/) go; default target/handshake-matrix/NAME. */
    public HandshakeMatrix reportsTo(Path dir) {
        this.reports = dir;
        return this;
    }

    /** Cells run at once (default 2). */
    public HandshakeMatrix jobs(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more, found " + n);
        }
        this.jobs = n;
        return this;
    }

    /** How long one side of a handshake may wait (default 20 s). */
    public HandshakeMatrix timeout(Duration t) {
        this.timeout = t;
        return this;
    }

    /** Whether to render allure/index.html from allure-results (default: yes, unless handshake.allure.render=false). */
    public HandshakeMatrix renderAllure(boolean render) {
        this.renderAllure = render;
        return this;
    }

    /** The run of the file's cells (once per file per JVM, shared with every other reader of the file). */
    public MatrixRun run() {
        return MatrixRun.of(file, jobs, timeout);
    }

    /** Runs the matrix (once), writes the reports, and returns one test per cell, grouped by setting and pair. */
    public Stream<DynamicNode> tests() {
        MatrixRun run = run();
        writeReports(run);
        return CellTests.grouped(run.matrix().cells(), c -> run.result(c)
                .orElseThrow(() -> new IllegalStateException(c.displayName() + ": not run")));
    }

    private void writeReports(MatrixRun run) {
        List<CellResult> ran = run.results();
        Map<String, String> libs = new LinkedHashMap<>();
        run.profiles().all().forEach(p -> libs.put(p.id(), p.library()));
        try {
            RunReports.writeAll(reports, RunInfo.of(file.toString(), run.started(), ran, libs), ran,
                    ProductProfiles.builtin(), renderAllure);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports into " + reports, e);
        }
    }

    /** The folder the reports go to. */
    public Path reports() {
        return reports;
    }
}
