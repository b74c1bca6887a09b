package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** matrix.yaml's config: axis: each configssl.cnf becomes its (RECEIVE_SIDE, DH group) cells and really runs. */
class ConfigAxisTest {
    @TempDir
    Path dir;

    private Path matrix(String axes, String expect) throws IOException {
        for (String f : List.of("configssl.cnf", "configssl-fixed.cnf", "dh1024.pem")) {
            Files.copy(Path.of("examples", f), dir.resolve(f));
        }
        Path m = dir.resolve("matrix.yaml");
        Files.writeString(m, "product:\n  receive_side: {\"YES\": [AES256-SHA], \"NO\": [DHE-RSA-AES256-SHA]}\n"
                + "axes:\n  senders: [rhel-7.7]\n  receivers: [rhel-6.10]\n" + axes + "expect:\n" + expect);
        return m;
    }

    private static Matrix load(Path m) {
        return new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin()).load(m);
    }

    @Test
    void eachConfigFileIsOneReceiverSettingAndItsCellsRun() throws Exception {
        Path m = matrix("  config: [configssl.cnf, configssl-fixed.cnf]\n",
                "  - why: \"the internal table's g=1\"\n    outcome: fail\n    failed_side: sender\n    alert: decode_error\n    sender_error: \"bad dh g value\"\n"
                        + "  - why: \"1024 works\"\n    when: {dh: dh1024.pem}\n    outcome: ok\n    cipher: DHE-RSA-AES256-SHA\n    dh_bits: 1024\n");
        Matrix matrix = load(m);
        List<Cell> cells = matrix.cells();
        assertEquals(List.of(new Cell("rhel-7.7", "rhel-6.10", "NO", "256-g1", "TLSv1.2", 0),
                new Cell("rhel-7.7", "rhel-6.10", "NO", "dh1024.pem", "TLSv1.2", 0)), cells);
        try (EngineRegistry engines = Engines.standard()) {
            CellRunner runner = new CellRunner(engines, ProfileCatalog.builtin(), DhGroupCatalog.builtin(),
                    matrix.product(), dir, Duration.ofSeconds(10));
            List<CellResult> results = new MatrixRunner(runner, 1).run(matrix, cells, r -> { });
            assertEquals(Outcome.FAIL, results.get(0).result().outcome());
            assertEquals(Outcome.OK, results.get(1).result().outcome());
            results.forEach(r -> assertTrue(r.matches(), r.cell().displayName() + ": " + r.differences()));
        }
    }

    @Test
    void configCellsComeAfterCrossedOnes() throws IOException {
        Matrix matrix = load(matrix("  config: configssl-fixed.cnf\n  receive_side: [\"YES\"]\n  dh: [\"256\"]\n",
                "  - why: \"any\"\n    outcome: ok\n"));
        assertEquals(List.of("YES 256", "NO dh1024.pem"),
                matrix.cells().stream().map(c -> c.receiveSide() + " " + c.dhGroup()).toList());
    }

    @Test
    void aBrokenConfigStopsTheLoadWithItsOwnLine() throws IOException {
        Path m = matrix("  config: [bad.cnf]\n", "  - outcome: ok\n");
        Files.writeString(dir.resolve("bad.cnf"), "[RSAKEY]\nRECEIVE_SIDE = YES\n[TLS]\n");
        InputError e = assertThrows(InputError.class, () -> load(m));
        assertEquals(dir.resolve("bad.cnf") + ":3: unknown section [TLS]; expected [RSAKEY] or [DH]", e.oneLine());
    }
}
