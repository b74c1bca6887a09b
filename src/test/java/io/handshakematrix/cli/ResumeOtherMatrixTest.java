package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal belongs to the matrix it was run under. Run matrix A, change what RECEIVE_SIDE = NO enables (matrix B),
 * resume into the same --out: the resumed run kept A's "ok TLSv1.2 AES256-SHA", a handshake that never ran under
 * B's settings, where a fresh run of B says fail. A resume under another matrix is bad input naming what changed
 * (exit 2, one line), and the journal is left as it was.
 */
class ResumeOtherMatrixTest {
    /** RECEIVE_SIDE = NO enabling {suite}; DH 256: rhel-7.7's 1024-bit minimum refuses it when the suite is DHE. */
    private static String matrix(String suite) {
        return """
                product:
                  receive_side:
                    "NO": [%s]
                axes:
                  senders: [rhel-7.7]
                  receivers: [rhel-6.10]
                  receive_side: ["NO"]
                  dh: ["256"]
                """.formatted(suite);
    }

    @TempDir
    Path dir;

    private static String outcome(Path out) throws IOException {
        JsonNode cells = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("cells");
        assertEquals(1, cells.size());
        return cells.get(0).get("outcome").asText();
    }

    @Test
    void resumingUnderAnotherMatrixIsBadInputAndLeavesTheJournal() throws IOException {
        Path a = Files.writeString(dir.resolve("a.yaml"), matrix("AES256-SHA"));
        Path b = Files.writeString(dir.resolve("b.yaml"), matrix("DHE-RSA-AES256-SHA"));
        Path out = dir.resolve("out");
        CliRun runA = CliRun.of("run", "--matrix", a.toString(), "--out", out.toString(), "--quiet", "--no-allure-report");
        assertEquals("ok", outcome(out), runA.all());

        // the fresh truth under B
        Path fresh = dir.resolve("fresh");
        CliRun runB = CliRun.of("run", "--matrix", b.toString(), "--out", fresh.toString(), "--quiet", "--no-allure-report");
        assertEquals("fail", outcome(fresh), runB.all());

        byte[] journal = Files.readAllBytes(out.resolve("cells.jsonl"));
        CliRun resumed = CliRun.of("run", "--matrix", b.toString(), "--out", out.toString(), "--quiet",
                "--no-allure-report", "--resume");
        assertEquals(2, resumed.code(), resumed.all());
        assertEquals(1, resumed.err().strip().lines().count(), resumed.err());
        assertTrue(resumed.err().contains("receive_side NO changed"), resumed.err());
        assertArrayEquals(journal, Files.readAllBytes(out.resolve("cells.jsonl")), "the journal was touched");

        // the same matrix resumes as before
        CliRun same = CliRun.of("run", "--matrix", a.toString(), "--out", out.toString(), "--quiet",
                "--no-allure-report", "--resume");
        assertEquals(runA.code(), same.code(), same.all());
        assertEquals("ok", outcome(out));
    }
}
