package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end, in-process: exit codes, results.json fields, one-line input errors. */
class MainTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int code = Main.execute(args);
            return new Run(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void subsetOfDefaultMatrixWritesResultsJson() throws IOException {
        Run r = run("run", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--out", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("RECEIVE_SIDE = NO"), r.out());
        JsonNode cells = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("cells");
        assertEquals(44, cells.size());
        JsonNode g1 = null;
        for (JsonNode c : cells) {
            if (c.get("dhGroup").asText().equals("256-g1") && c.get("receiveSide").asText().equals("NO")
                    && c.get("senderMinDhBits").asInt() == 0) {
                g1 = c;
            }
        }
        for (String k : new String[] {"sender", "receiver", "receiveSide", "dhGroup", "protocol", "engine", "outcome",
                "expected", "matches", "cipher", "dhBits", "failedSide", "stoppedAfter", "alert", "senderError",
                "receiverError", "durationMs"}) {
            assertTrue(g1.has(k), k);
        }
        assertEquals("fail", g1.get("outcome").asText());
        assertEquals(50, g1.get("alert").get("code").asInt());
        assertEquals("sender", g1.get("alert").get("sentBy").asText());
        assertTrue(g1.get("senderError").asText().contains("ssl3_get_key_exchange:bad dh g value"));
    }

    @Test
    void differingCellExitsOneAndListsIt() throws IOException {
        String m = Files.readString(Path.of("matrix.yaml"))
                .replace("senders: [rhel-6.10, rhel-6.10-fips, rhel-7.7, rhel-7.7-fips, rhel-6-pre-logjam]", "senders: [rhel-7.7]")
                .replace("receivers: [rhel-6.10, rhel-6.10-fips, rhel-7.7, rhel-7.7-fips, rhel-6-pre-logjam]", "receivers: [rhel-6.10]")
                + "  - when: {dh: \"256\", receive_side: \"NO\"}\n    outcome: ok\n";
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, m);
        Run r = run("run", "--matrix", f.toString(), "--out", dir.toString(), "--quiet");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("DIFFERS  rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256 | TLSv1.2"), r.out());
        assertTrue(r.out().contains("expected ok, got fail sender: dh key too small (alert 40)"), r.out());
    }

    @Test
    void malformedMatrixIsOneLineAndExitTwo() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "product:\n  receive_side: {\"YES\": [AES256-SHA]}\naxes:\n  senders: [rhel-7.8]\n");
        Run r = run("run", "--matrix", f.toString(), "--out", dir.toString());
        assertEquals(2, r.code());
        assertEquals(f + ":4: unknown stack 'rhel-7.8' in axes.senders[0]; expected one of rhel-6-pre-logjam, "
                + "rhel-6.10, rhel-6.10-fips, rhel-7.7, rhel-7.7-fips (or add profiles/rhel-7.8.yaml)", r.err().strip());
    }

    @Test
    void missingMatrixFileIsExitTwo() {
        Run r = run("run", "--matrix", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.code());
        assertEquals(dir.resolve("nope.yaml") + ": file not found", r.err().strip());
    }

    @Test
    void profilesShowsChecksInOrder() {
        Run r = run("profiles", "rhel-7.7");
        assertEquals(0, r.code());
        assertTrue(r.out().indexOf("g_above_1") < r.out().indexOf("min_bits"), r.out());
    }
}
