package io.handshakematrix;

import io.handshakematrix.junit.HandshakeMatrix;
import io.handshakematrix.junit.MatrixRun;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.profile.ProfileCatalog;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one run of a matrix file per test JVM, read by the tests that need its cells' results, so that no test runs
 * the same cells again: DefaultMatrixTest turns the default matrix's run into one JUnit test per cell and the
 * build's reports (through HandshakeMatrix, the entry point product teams use); JvmMatrixTest reads the
 * matrix-jvm.yaml cells that matrix.yaml includes; ImageDifferentialTest compares the images with its in-process
 * cells; WireMatrixTest reads the matrix-wire.yaml cells. This is the same run HandshakeMatrix makes (two jobs, as
 * in .ci/determinism's first run: it shows the verdicts do not depend on the job count), not a second one.
 */
public final class SharedMatrixRun {
    private final MatrixRun run;

    private SharedMatrixRun(MatrixRun run) {
        this.run = run;
    }

    /** The run of {@code file}: made by the first caller in this JVM, shared by every later one. */
    public static SharedMatrixRun of(Path file) {
        return new SharedMatrixRun(HandshakeMatrix.from(file).jobs(2).run());
    }

    public Matrix matrix() {
        return run.matrix();
    }

    public ProfileCatalog profiles() {
        return run.profiles();
    }

    public Instant started() {
        return run.started();
    }

    /** The cell's result in this run, or empty when the matrix does not cross that cell. */
    public Optional<CellResult> result(Cell c) {
        return run.result(c);
    }

    /** Every result, in the matrix's cell order. */
    public List<CellResult> results() {
        return run.results();
    }
}
