package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run --shard 1/3, 2/3, 3/3 then merge gives the results.json of one full run: the same cells with the
 * same outcomes, alerts, error lines and expectations, in the same order.
 */
class ShardMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    // 1 sender x 3 receivers x 2 RECEIVE_SIDE x 11 groups x 2 MinimumDHBits + 4 cells of matrix-wire.yaml = 136 cells, every outcome kind
    private static final String[] SLICE = {"--sender", "rhel-7.7", "--receiver", "rhel-6*", "--quiet"};

    @TempDir
    Path dir;

    private CliRun run(String out, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--out", dir.resolve(out).toString()));
        args.addAll(List.of(SLICE));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void threeShardsMergedEqualOneFullRun() throws IOException {
        CliRun fullRun = run("full");
        assertEquals(0, fullRun.code());
        assertTrue(fullRun.out().startsWith("136 cells: 96 ok, 40 fail, 0 error"), fullRun.out()); // --quiet: no progress (QuietRunTest)
        int total = 0;
        for (int k = 1; k <= 3; k++) {
            CliRun r = run("shard" + k, "--shard", k + "/3");
            assertEquals(0, r.code(), r.out() + r.err());
            int n = cells(dir.resolve("shard" + k)).size();
            assertTrue(n > 0 && n < 136, "shard " + k + " has " + n);
            total += n;
        }
        assertEquals(136, total);
        CliRun merged = CliRun.of("merge", dir.resolve("shard1").toString(), dir.resolve("shard2").toString(),
                dir.resolve("shard3").toString(), "--out", dir.resolve("merged").toString(), "--quiet");
        assertEquals(0, merged.code(), merged.out() + merged.err());
        assertTrue(merged.out().startsWith("136 cells:"), merged.out());

        List<JsonNode> full = comparable(cells(dir.resolve("full")));
        List<JsonNode> combined = comparable(cells(dir.resolve("merged")));
        assertEquals(136, full.size());
        assertEquals(full, combined); // order included: merge restores the full run's order from the axes
    }

    /** A matrix that include:s another: the merged shards keep the full run's order, part by part. */
    @Test
    void shardsOfAnIncludingMatrixMergeInFullRunOrder() throws IOException {
        String product = "product:\n  receive_side: {\"YES\": [AES256-SHA], \"NO\": [DHE-RSA-AES256-SHA]}\n";
        java.nio.file.Files.writeString(dir.resolve("main.yaml"), "include: [part.yaml]\n" + product + """
                axes: {senders: [rhel-7.7], receivers: [rhel-6.10], receive_side: ["YES", "NO"], dh: ["256", "1024"]}
                expect:
                  - {why: "everything else works", outcome: ok}
                  - {why: "7.7's 1024-bit minimum", when: {receive_side: "NO", dh: "256"}, outcome: fail, failed_side: sender}
                """);
        java.nio.file.Files.writeString(dir.resolve("part.yaml"), product + """
                axes: {senders: [rhel-6.10, rhel-7.7], receivers: [rhel-7.7, rhel-6.10], receive_side: ["NO"], dh: [1024-g-pm1, "1024"]}
                expect:
                  - {why: "g = p-1 fails on the sender", outcome: fail, failed_side: sender}
                  - {why: "1024 works", when: {dh: "1024"}, outcome: ok}
                """);
        String matrix = dir.resolve("main.yaml").toString();
        CliRun full = CliRun.of("run", "--matrix", matrix, "--out", dir.resolve("full").toString(), "--quiet");
        assertEquals(0, full.code(), full.out() + full.err());
        assertTrue(full.out().startsWith("11 cells:"), full.out()); // 4 own + 8 included - 1 both have
        for (int k = 1; k <= 2; k++) {
            CliRun r = CliRun.of("run", "--matrix", matrix, "--out", dir.resolve("s" + k).toString(), "--quiet",
                    "--shard", k + "/2");
            assertEquals(0, r.code(), r.out() + r.err());
        }
        CliRun merged = CliRun.of("merge", dir.resolve("s2").toString(), dir.resolve("s1").toString(), "--out",
                dir.resolve("merged").toString(), "--quiet");
        assertEquals(0, merged.code(), merged.out() + merged.err());
        assertEquals(comparable(cells(dir.resolve("full"))), comparable(cells(dir.resolve("merged"))));
    }

    @Test
    void mergeRefusesAMissingShardAndAnOverlap() throws IOException {
        run("a", "--shard", "1/3");
        run("b", "--shard", "2/3");
        CliRun gap = CliRun.of("merge", dir.resolve("a").toString(), dir.resolve("b").toString(), "--out",
                dir.resolve("m").toString());
        assertEquals(2, gap.code());
        assertEquals(dir.resolve("a") + ": missing shard output(s) 3/3; expected all 3 shards", gap.err().strip());

        CliRun twice = CliRun.of("merge", dir.resolve("a").toString(), dir.resolve("a").toString(), "--out",
                dir.resolve("m").toString());
        assertEquals(2, twice.code());
        assertEquals(dir.resolve("a/results.json") + ": shard 1/3 is also " + dir.resolve("a/results.json")
                + "; expected each shard once", twice.err().strip());

        CliRun none = CliRun.of("merge", dir.resolve("nothing").toString());
        assertEquals(2, none.code());
        assertEquals(dir.resolve("nothing") + ": not found; expected a shard's output directory (with results.json) "
                + "or its results.json", none.err().strip());
    }

    /** A shard's results.json whose run.shard is not K/N is refused naming that file and line, not '--shard'. */
    @Test
    void mergeNamesTheFileWhoseRunShardIsMalformed() throws IOException {
        Path matrix = dir.resolve("tiny.yaml");
        java.nio.file.Files.writeString(matrix, """
                product:
                  receive_side: {"YES": [AES256-SHA], "NO": [DHE-RSA-AES256-SHA]}
                axes: {senders: [rhel-7.7], receivers: [rhel-6.10], receive_side: ["YES", "NO"], dh: ["1024"]}
                expect:
                  - {why: "both work", outcome: ok}
                """);
        CliRun shard = CliRun.of("run", "--matrix", matrix.toString(), "--shard", "1/2", "--out",
                dir.resolve("s1").toString(), "--quiet");
        assertEquals(0, shard.code(), shard.all());
        Path json = dir.resolve("s1/results.json");
        List<String> lines = java.nio.file.Files.readAllLines(json);
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) {
            if (lines.get(i).contains("\"shard\"") && lines.get(i).contains("\"1/2\"")) {
                at = i;
            }
        }
        assertTrue(at >= 0, "no run.shard line in " + json);
        lines.set(at, lines.get(at).replace("\"1/2\"", "\"1/two\""));
        java.nio.file.Files.write(json, lines);

        CliRun merged = CliRun.of("merge", dir.resolve("s1").toString(), "--out", dir.resolve("m").toString());
        assertEquals(2, merged.code(), merged.all());
        assertEquals(json + ":" + (at + 1) + ": run.shard: expected K/N with 1 <= K <= N (e.g. 2/3) as 'run --shard K/N' "
                + "writes it, found '1/two'", merged.err().strip());
    }

    private static List<JsonNode> cells(Path out) throws IOException {
        List<JsonNode> l = new ArrayList<>();
        JSON.readTree(out.resolve("results.json").toFile()).get("cells").forEach(l::add);
        return l;
    }

    /**
     * Everything a cell says except how long it took and its byte-level transcript: record lengths differ
     * between two runs of one cell (the DH public value and the per-run certificate vary by a byte); and the sides'
     * timed wire events, timings by nature (their round trip through results.json: ResultsTraceTest).
     */
    private static List<JsonNode> comparable(List<JsonNode> cells) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode c : cells) {
            ObjectNode o = c.deepCopy();
            o.remove("durationMs");
            o.remove("transcript");
            o.remove("senderEvents");
            o.remove("receiverEvents");
            out.add(o);
        }
        return out;
    }
}
