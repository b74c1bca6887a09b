package io.handshakematrix.engine.container;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the container-tier tests share: a matrix (matrix-containers.yaml unless told), the engines, and whether Docker
 * answers.
 */
final class ContainerTier implements AutoCloseable {
    static final Path MATRIX = Path.of("matrix-containers.yaml");

    final ProfileCatalog profiles = ProfileCatalog.builtin();
    final DhGroupCatalog groups = DhGroupCatalog.builtin();
    final EngineRegistry engines = Engines.standard();
    final Matrix matrix;
    final CellRunner cells;

    ContainerTier() {
        this(MATRIX);
    }

    ContainerTier(Path matrixFile) {
        matrix = new MatrixLoader(profiles, groups, engines.names()).load(matrixFile);
        // Generous: the machine is shared; a handshake is far quicker, the timeout only bounds a hang.
        cells = new CellRunner(engines, profiles, groups, matrix.product(), matrixFile.toAbsolutePath().getParent(),
                Duration.ofSeconds(30));
    }

    MatrixRunner runner(int jobs) {
        return new MatrixRunner(cells, jobs);
    }

    /** Why the container tier cannot run here (no Docker engine, environment not set); empty if it can. */
    Optional<String> dockerProblem() {
        return ((ContainerEngine) engines.get(ContainerEngine.NAME)).docker();
    }

    static boolean hasContainerSide(Cell c) {
        return c.sender().endsWith("@container") || c.receiver().endsWith("@container");
    }

    /** The same cell with every real stack replaced by its emulated twin (same profile id, no @container). */
    static Cell twin(Cell c) {
        return new Cell(c.sender().replace("@container", ""), c.receiver().replace("@container", ""), c.settings());
    }

    @Override
    public void close() {
        engines.close();
    }
}
