package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end, in-process: exit codes, results.json fields, one-line input errors. */
class MainTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void subsetOfDefaultMatrixWritesResultsJson() throws IOException {
        CliRun r = run("run", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--out", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("RECEIVE_SIDE = NO"), r.out());
        JsonNode cells = new ObjectMapper().readTree(dir.resolve("results.json").toFile()).get("cells");
        // 44 of the product's own setup, and 4 of matrix-wire.yaml (matrix.yaml includes it): the ECDSA
        // receiver with the product's settings (2) and the stack's DEFAULT list with each certificate (2)
        assertEquals(48, cells.size());
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
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, drifted());
        CliRun r = run("run", "--matrix", f.toString(), "--out", dir.toString(), "--quiet");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("DIFFERS  rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256 | TLSv1.2"), r.out());
        assertTrue(r.out().contains("expected ok, got fail sender: dh key too small (alert 40)"), r.out());
        // The same drift in the KB (listed first in the article, marked in the detail table) and the CSV.
        assertTrue(Files.readString(dir.resolve("kb.md")).contains("1 cell differs from matrix.yaml\n\n- ⚑ differs from "
                + "matrix.yaml: rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256 | TLSv1.2: expected ok, got fail"));
        assertTrue(Files.readString(dir.resolve("kb-detail.md")).contains(
                "✖ FAIL sender: dh key too small, alert 40 ⚑ differs from matrix.yaml [^1]"));
        assertTrue(Files.readString(dir.resolve("results.csv")).lines()
                .anyMatch(l -> l.startsWith("rhel-7.7,rhel-6.10,NO,256,TLSv1.2,0,emulated,fail,ok,false,")));
    }

    private Path smallMatrix() throws IOException {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, SMALL_MATRIX);
        return f;
    }

    /**
     * A 4-cell matrix (rhel-7.7 -> rhel-6.10, DH 256 and 1024, both RECEIVE_SIDE values) with matrix.yaml's rules
     * for them; a cut-down copy of matrix.yaml would keep rules that decide none of its cells, which is an error.
     * CiFaultsTest drifts it too.
     */
    static final String SMALL_MATRIX = """
            product: file-transfer
            axes:
              senders: [rhel-7.7]
              receivers: [rhel-6.10]
              receive_side: ["YES", "NO"]
              dh: ["256", "1024"]
            expect:
              - why: "RSA key exchange succeeds for every pair (matrix.yaml)"
                when: {receive_side: "YES"}
                outcome: ok
                cipher: AES256-SHA
              - why: "1024 bits meet the RHEL client minimum (matrix.yaml)"
                when: {receive_side: "NO", dh: "1024"}
                outcome: ok
                cipher: DHE-RSA-AES256-SHA
              - why: "1024-bit client minimum in 1.0.2k-19 (matrix.yaml)"
                when: {receive_side: "NO", dh: "256"}
                outcome: fail
                failed_side: sender
                check: min_bits
            """;

    /** {@link #SMALL_MATRIX} with its DH 256 cell (wrongly) expected to handshake: a drifted cell under test. */
    static String drifted() {
        return SMALL_MATRIX.replace("""
                    outcome: fail
                    failed_side: sender
                    check: min_bits
                """, "    outcome: ok\n");
    }

    @Test
    void baselinePrintsAndSavesCellsWhoseOutcomeChanged() throws IOException {
        Path matrix = smallMatrix();
        CliRun first = run("run", "--matrix", matrix.toString(), "--out", dir.resolve("old").toString(), "--quiet");
        assertEquals(0, first.code(), first.out() + first.err());
        // An earlier release where DH 256 still worked: rewrite that cell of the old results.
        ObjectNode old = (ObjectNode) new ObjectMapper().readTree(dir.resolve("old/results.json").toFile());
        int rewritten = 0;
        for (JsonNode c : old.get("cells")) {
            if (c.get("dhGroup").asText().equals("256") && c.get("receiveSide").asText().equals("NO")) {
                ((ObjectNode) c).put("outcome", "ok").put("cipher", "DHE-RSA-AES256-SHA").put("negotiatedProtocol", "TLSv1.2")
                        .put("dhBits", 256).putNull("failedSide").putNull("alert").putNull("senderError");
                rewritten++;
            }
        }
        assertEquals(1, rewritten);
        Path baseline = dir.resolve("baseline.json");
        new ObjectMapper().writeValue(baseline.toFile(), old);

        CliRun r = run("run", "--matrix", matrix.toString(), "--out", dir.resolve("new").toString(), "--quiet",
                "--baseline", baseline.toString());
        assertEquals(0, r.code(), "matrix.yaml still holds: " + r.out() + r.err());
        assertTrue(r.out().contains("Against baseline " + baseline + ": 1 changed, 0 new, 0 gone"), r.out());
        assertTrue(r.out().contains("CHANGED  rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256 | TLSv1.2\n"
                + "         was ok TLSv1.2 DHE-RSA-AES256-SHA DH 256\n"
                + "         now fail sender: dh key too small (alert 40)"), r.out());
        JsonNode saved = new ObjectMapper().readTree(dir.resolve("new/baseline-diff.json").toFile());
        assertEquals(1, saved.get("changed").size());
        assertEquals("rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256 | TLSv1.2", saved.get("changed").get(0).get("cell").asText());
        for (String f : new String[] {"results.json", "results.csv", "kb.md", "kb.html"}) {
            assertTrue(Files.isRegularFile(dir.resolve("new").resolve(f)), f);
        }
    }

    @Test
    void malformedMatrixIsOneLineAndExitTwo() throws IOException {
        Path f = dir.resolve("bad.yaml");
        Files.writeString(f, "product:\n  receive_side: {\"YES\": [AES256-SHA]}\naxes:\n  senders: [rhel-7.8]\n");
        CliRun r = run("run", "--matrix", f.toString(), "--out", dir.toString());
        assertEquals(2, r.code());
        // One line naming file, line and what was expected (the list of shipped stacks grows with other tiers).
        String err = r.err().strip();
        assertTrue(err.startsWith(f + ":4: unknown stack 'rhel-7.8' in axes.senders[0]; expected one of "), err);
        assertTrue(err.contains("rhel-6.10, rhel-6.10-fips, rhel-7.7, rhel-7.7-fips") && !err.contains("\n"), err);
        assertTrue(err.endsWith("(or add profiles/rhel-7.8.yaml)"), err);
    }

    @Test
    void missingMatrixFileIsExitTwo() {
        CliRun r = run("run", "--matrix", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.code());
        assertEquals(dir.resolve("nope.yaml") + ": file not found", r.err().strip());
    }

    @Test
    void profilesShowsChecksInOrder() {
        CliRun r = run("profiles", "rhel-7.7");
        assertEquals(0, r.code());
        assertTrue(r.out().indexOf("g_above_1") < r.out().indexOf("min_bits"), r.out());
    }
}
