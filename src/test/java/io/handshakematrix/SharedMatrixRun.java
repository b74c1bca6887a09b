package io.handshakematrix;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of a matrix file per test JVM, shared by every test that reads its cells' results, so that no test runs
 * the same cells again: DefaultMatrixTest turns the default matrix's run into one JUnit test per cell and the
 * build's reports; JvmMatrixTest reads the matrix-jvm.yaml cells that matrix.yaml includes; ImageDifferentialTest
 * compares the images with its in-process cells; WireMatrixTest reads the matrix-wire.yaml cells. A cell crossed
 * by a file and by one it includes is judged by the included file, so reading it from the including file's run
 * gives the verdict that file alone would give. Every result is still a real handshake, run once.
 */
public final class SharedMatrixRun {
    private static final Map<Path, SharedMatrixRun> RUNS = new ConcurrentHashMap<>();
    /** Generous: the machine is shared; a handshake is far quicker, the timeout only bounds a hang. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Matrix matrix;
    private final ProfileCatalog profiles;
    private final Instant started;
    private final Map<String, CellResult> byKey = new ConcurrentHashMap<>();

    private SharedMatrixRun(Path file) {
        profiles = ProfileCatalog.builtin();
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        started = Instant.now();
        try (EngineRegistry engines = Engines.standard()) {
            matrix = new MatrixLoader(profiles, groups, engines.names()).load(file);
            CellRunner cells = new CellRunner(engines, profiles, groups, matrix.product(),
                    file.toAbsolutePath().getParent(), TIMEOUT);
            // two jobs, as in .ci/determinism's first run: it shows the verdicts do not depend on the job count
            new MatrixRunner(cells, 2).run(matrix, matrix.cells(), r -> byKey.put(r.cell().key(), r));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + file, e);
        }
    }

    /** The run of {@code file}: made by the first caller in this JVM, shared by every later one. */
    public static SharedMatrixRun of(Path file) {
        return RUNS.computeIfAbsent(file.toAbsolutePath().normalize(), SharedMatrixRun::new);
    }

    public Matrix matrix() {
        return matrix;
    }

    public ProfileCatalog profiles() {
        return profiles;
    }

    public Instant started() {
        return started;
    }

    /** The cell's result in this run, or empty when the matrix does not cross that cell. */
    public Optional<CellResult> result(Cell c) {
        return Optional.ofNullable(byKey.get(c.key()));
    }

    /** Every result, in the matrix's cell order. */
    public List<CellResult> results() {
        return matrix.cells().stream().map(c -> byKey.get(c.key())).filter(java.util.Objects::nonNull).toList();
    }
}
