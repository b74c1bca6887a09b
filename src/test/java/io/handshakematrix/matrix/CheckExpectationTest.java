package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check:} judges a real handshake by the failing stack's own check, whatever line its build prints. */
class CheckExpectationTest {
    @TempDir
    Path dir;

    private CellResult judge(String check) throws IOException {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, """
                product: file-transfer
                axes: {senders: [rhel-7.7], receivers: [rhel-6.10], receive_side: ["NO"], dh: ["256", "1024"]}
                expect:
                  - {why: "1024 works", outcome: ok}
                  - why: "the sender's size check"
                    when: {dh: "256"}
                    outcome: fail
                    failed_side: sender
                    check: %s
                """.formatted(check));
        ProfileCatalog profiles = ProfileCatalog.builtin();
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        Matrix m = new MatrixLoader(profiles, groups).load(f);
        assertEquals(List.of("DHE-RSA-AES256-SHA"), m.product().receiveSideSuites().get("NO")); // product: by name
        try (EngineRegistry engines = Engines.standard()) {
            MatrixRunner runner = new MatrixRunner(new CellRunner(engines, profiles, groups, m.product(), dir,
                    Duration.ofSeconds(10)), 1);
            return runner.judge(m, new Cell("rhel-7.7", "rhel-6.10", "NO", "256", "TLSv1.2", 0));
        }
    }

    @Test
    void theCheckThatFiredMatches() throws IOException {
        CellResult r = judge("min_bits");
        assertTrue(r.matches(), r.differences().toString());
        assertEquals("fail (sender, check min_bits)", r.expected());
    }

    @Test
    void anotherCheckOfTheSameStackDiffersInItsOwnWords() throws IOException {
        CellResult r = judge("g_above_1");
        // the rule the sender reported decides; its words are quoted
        assertEquals(List.of("expected the sender's check g_above_1 ('bad dh g value'), got its rule min_bits "
                + "('error:14082174:SSL routines:ssl3_check_cert_and_algorithm:dh key too small:s3_clnt.c:3636:')"),
                r.differences());
    }
}
