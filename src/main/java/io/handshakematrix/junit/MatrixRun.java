package io.handshakematrix.junit;

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
import io.handshakematrix.yaml.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One run of a matrix file per JVM: every cell a real handshake, run once, whoever asks for it (the JUnit tests of
 * {@link HandshakeMatrix}, and any other test reading the same file's results). A cell crossed by a file and by one
 * it includes is judged by the included file, so reading it from the including file's run gives the verdict that
 * file alone would give.
 */
public final class MatrixRun {
    private static final Map<Path, MatrixRun> RUNS = new ConcurrentHashMap<>();

    private final Matrix matrix;
    private final ProfileCatalog profiles;
    private final Instant started;
    private final Map<String, CellResult> byKey = new ConcurrentHashMap<>();

    private MatrixRun(Path file, int jobs, Duration timeout) {
        profiles = profilesFor(file);
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        started = Instant.now();
        try (EngineRegistry engines = Engines.standard()) {
            matrix = new MatrixLoader(profiles, groups, engines.names()).load(file);
            CellRunner cells = new CellRunner(engines, profiles, groups, matrix.product(),
                    file.toAbsolutePath().getParent(), timeout);
            new MatrixRunner(cells, jobs).run(matrix, matrix.cells(), r -> byKey.put(r.cell().key(), r));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + file, e);
        }
    }

    /**
     * The run of {@code file}: made by the first caller in this JVM (with its job count and timeout), shared by every
     * later one. A missing or malformed file is a {@link MatrixFileError} with its file:line line.
     */
    public static MatrixRun of(Path file, int jobs, Duration timeout) {
        if (!Files.isRegularFile(file)) {
            throw new MatrixFileError(file + ": no such matrix file (expected a matrix YAML, relative to "
                    + Path.of("").toAbsolutePath() + ")");
        }
        try {
            return RUNS.computeIfAbsent(file.toAbsolutePath().normalize(), f -> new MatrixRun(file, jobs, timeout));
        } catch (InputError e) {
            throw new MatrixFileError(e.oneLine());
        }
    }

    /** The shipped profiles plus the matrix's own profile directory, as 'run' reads them. */
    private static ProfileCatalog profilesFor(Path file) {
        ProfileCatalog profiles = ProfileCatalog.builtin();
        Path own = MatrixLoader.profileDirectory(file);
        if (own != null) {
            profiles.addDirectory(own);
        }
        return profiles;
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
        return matrix.cells().stream().map(c -> byKey.get(c.key())).filter(Objects::nonNull).toList();
    }
}
