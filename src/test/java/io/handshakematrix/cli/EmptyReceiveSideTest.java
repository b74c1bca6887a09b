package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product block whose RECEIVE_SIDE value enables no suite is the file's mistake, not a stack's: one line with
 * its file and line, exit 2, before any cell (it used to run, and every cell failed with "no shared cipher").
 */
class EmptyReceiveSideTest {
    @Test
    void aReceiveSideWithNoSuiteIsOneLineAndExitTwo(@TempDir Path dir) throws IOException {
        Path m = dir.resolve("matrix.yaml");
        Files.writeString(m, """
                product:
                  receive_side:
                    "YES": [AES256-SHA]
                    "NO": []
                axes:
                  senders: [rhel-7.7]
                  receivers: [rhel-6.10]
                  receive_side: ["NO"]
                  dh: ["1024"]
                expect:
                  - why: "never reached: the product block is refused first"
                    outcome: ok
                """);
        CliRun r = CliRun.of("run", "--matrix", m.toString(), "--out", dir.resolve("out").toString(), "--quiet");
        assertEquals(Main.BAD_INPUT, r.code(), r::all);
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith(m + ":4: ") && line.contains("receive_side.NO: enables no cipher suite"), line);
        assertTrue(Files.notExists(dir.resolve("out").resolve("results.json")), "no cell ran");
    }
}
