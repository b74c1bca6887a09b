package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.cli.Main;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.InputError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The committed lock files are what the shipped matrices expand to: a rule or profile change without a fresh
 * lock fails the build here, naming the command that rewrites it (the diff is then reviewed with the change).
 */
class MatrixLockTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"matrix.yaml", "matrix-containers.yaml", "matrix-wire.yaml", "matrix-upgrade.yaml",
            "matrix-policy-twins.yaml", "matrix-upgrade-sha1.yaml"})
    void committedLockIsCurrent(String file) {
        Path matrix = Path.of(file);
        Matrix m = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin(), Engines.standard().names())
                .load(matrix);
        Path lock = MatrixLock.defaultFile(matrix);
        Optional<InputError> stale = MatrixLock.staleness(lock, MatrixLock.render(m, file, Path.of("")),
                "\"mvn -q -DskipTests package && java -jar target/handshake-matrix.jar expand --matrix " + file + "\"");
        assertTrue(stale.isEmpty(), () -> stale.get().oneLine());
    }

    @Test
    void aChangedRuleMakesTheLockStaleAndExpandCheckSaysWhere() throws IOException {
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, """
                product: file-transfer
                axes: {senders: [rhel-7.7], receivers: [rhel-6.10], receive_side: ["YES", "NO"], dh: ["1024"]}
                expect:
                  - {why: "both work", outcome: ok}
                """);
        assertEquals(Main.OK, Main.execute("expand", "--matrix", m.toString()));
        assertEquals("""
                # 2 cells
                rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 1024 | TLSv1.2 = ok  @ m.yaml:4
                rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=YES | DH 1024 | TLSv1.2 = ok  @ m.yaml:4
                """, Files.readString(dir.resolve("m.lock")).lines().skip(3)
                .reduce("", (a, b) -> a + b + "\n"));
        assertEquals(Main.OK, Main.execute("expand", "--matrix", m.toString(), "--check"));

        Files.writeString(m, Files.readString(m) + "  - {why: \"RSA names its suite\", when: {receive_side: \"YES\"}, "
                + "outcome: ok, cipher: AES256-SHA}\n");
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = Main.execute("expand", "--matrix", m.toString(), "--check");
        } finally {
            System.setErr(err);
        }
        assertEquals(Main.BAD_INPUT, code);
        assertEquals(dir.resolve("m.lock") + ":6: stale: expected \"rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=YES | DH 1024 | "
                + "TLSv1.2 = ok (AES256-SHA)  @ m.yaml:5\", found \"rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=YES | DH 1024 | "
                + "TLSv1.2 = ok  @ m.yaml:4\"; run 'handshake-matrix expand --matrix " + m + "' and commit the lock with "
                + "the change", buf.toString(StandardCharsets.UTF_8).strip());
    }
}
