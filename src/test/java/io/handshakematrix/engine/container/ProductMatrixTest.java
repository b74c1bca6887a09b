package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.Engines;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * examples/product/matrix.yaml: the example product (declared in data, our-client@product: openssl s_client in
 * the Debian 12 image) crossed with the emulated RHEL 6.10 and 7.7 images, every cell as the matrix expects.
 */
class ProductMatrixTest {
    private static final Path MATRIX = Path.of("examples/product/matrix.yaml");

    @Test
    void theExampleProductAgainstTheRhelImages() throws InterruptedException {
        ProfileCatalog profiles = ProfileCatalog.withDirectory(MatrixLoader.profileDirectory(MATRIX));
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        try (EngineRegistry engines = Engines.standard()) {
            TestEnvironment.require(((ImageEngine) engines.get(ImageEngine.NAME)).docker().isEmpty(),
                    () -> "no Docker engine answers (see .ci/run)");
            Matrix m = new MatrixLoader(profiles, groups, engines.names()).load(MATRIX);
            CellRunner cells = new CellRunner(engines, profiles, groups, m.product(), MATRIX.toAbsolutePath().getParent(),
                    Duration.ofSeconds(20));
            List<CellResult> results = new MatrixRunner(cells, 2).run(m, m.cells(), r -> { });
            assertEquals(16, results.size());
            for (CellResult r : results) {
                assertTrue(r.matches(), () -> r.cell().displayName() + ": " + String.join("; ", r.differences()));
            }
        }
    }
}
