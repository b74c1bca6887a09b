package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.runner.OutLock;
import io.handshakematrix.results.ResultJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OUT kept safe: a second command on one OUT is refused at once; merge refuses shards of another
 * matrix, of another harness version or with a malformed cell, and a refused merge leaves OUT as it was.
 * A 4-cell matrix (emulated stacks), so each run is a few handshakes.
 */
class OutSafetyTest {
    private static final String MATRIX = """
            product:
              receive_side: {"YES": [AES256-SHA], "NO": [DHE-RSA-AES256-SHA]}
            axes:
              senders: [rhel-7.7]
              receivers: [rhel-6.10, rhel-7.7]
              receive_side: ["YES", "NO"]
              dh: ["1024"]
            expect:
              - why: "every cell of this small matrix handshakes (1024-bit DH or RSA)"
                outcome: ok
            """;
    @TempDir
    Path dir;
    private Path matrix;

    @BeforeEach
    void writeMatrix() throws Exception {
        matrix = dir.resolve("matrix.yaml");
        Files.writeString(matrix, MATRIX);
    }

    private CliRun run(Path m, String out, String... more) {
        String[] args = new String[6 + more.length];
        System.arraycopy(new String[] {"run", "--matrix", m.toString(), "--out", dir.resolve(out).toString(), "--quiet"},
                0, args, 0, 6);
        System.arraycopy(more, 0, args, 6, more.length);
        return CliRun.of(args);
    }

    @Test
    void aSecondRunOnTheSameOutIsRefusedAtOnce() throws Exception {
        Path out = dir.resolve("out");
        try (OutLock held = OutLock.acquire(out)) {
            CliRun r = run(matrix, "out");
            assertEquals(Main.BAD_INPUT, r.code(), r.all());
            assertEquals(out + ": another run or merge is writing to this directory (it holds " + out.resolve(".lock")
                    + "); expected one command per --out at a time (wait for it, or choose another --out)", r.err().strip());
            assertTrue(!Files.exists(out.resolve(ResultJournal.FILE_NAME)), "the refused run touched the journal");
        }
        assertEquals(Main.OK, run(matrix, "out").code(), "the lock is released when the command ends");
    }

    @Test
    void mergeRefusesShardsOfAnotherMatrixOrVersionOrWithAMalformedCellAndLeavesOutAsItWas() throws Exception {
        assertEquals(Main.OK, run(matrix, "s1", "--shard", "1/2").code());
        assertEquals(Main.OK, run(matrix, "s2", "--shard", "2/2").code());
        CliRun good = CliRun.of("merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out",
                dir.resolve("m").toString(), "--quiet");
        assertEquals(Main.OK, good.code(), good.all());
        Path journal = dir.resolve("m").resolve(ResultJournal.FILE_NAME);
        Path results = dir.resolve("m").resolve("results.json");
        byte[] journalBefore = Files.readAllBytes(journal);
        byte[] resultsBefore = Files.readAllBytes(results);

        // another matrix: the same axes, another expectation
        Path other = dir.resolve("other.yaml");
        Files.writeString(other, MATRIX.replace("outcome: ok", "outcome: fail"));
        run(other, "o2", "--shard", "2/2");
        Path s2 = dir.resolve("o2").resolve("results.json");
        CliRun mixed = merge("s1", "o2");
        assertEquals(Main.BAD_INPUT, mixed.code(), mixed.all());
        assertTrue(mixed.err().strip().startsWith(s2 + ": shard of another matrix (digest) ('sha256:"), mixed.err());

        // another harness version
        Path v2 = copyShard("s2", "v2");
        Files.writeString(v2, Files.readString(v2).replace("\"harnessVersion\" : \"0.1\"", "\"harnessVersion\" : \"0.0\""));
        CliRun versions = merge("s1", "v2");
        assertEquals(Main.BAD_INPUT, versions.code(), versions.all());
        assertTrue(versions.err().strip().startsWith(v2 + ": shard of another harness version ('0.0', "), versions.err());

        // a malformed cell is refused with its line, not dropped
        Path bad = copyShard("s2", "bad");
        String text = Files.readString(bad);
        Files.writeString(bad, text.replaceFirst("\"outcome\" : \"[a-z]+\"", "\"outcome\" : \"great\""));
        CliRun malformed = merge("s1", "bad");
        assertEquals(Main.BAD_INPUT, malformed.code(), malformed.all());
        assertTrue(malformed.err().strip().matches(java.util.regex.Pattern.quote(bad.toString())
                + ":\\d+: cell \"outcome\" is '\"great\"'; expected one of ok, fail, error, timeout, skipped"), malformed.err());

        assertArrayEquals(journalBefore, Files.readAllBytes(journal), "a refused merge changed OUT's journal");
        assertArrayEquals(resultsBefore, Files.readAllBytes(results), "a refused merge changed OUT's results.json");
    }

    private CliRun merge(String a, String b) {
        return CliRun.of("merge", dir.resolve(a).toString(), dir.resolve(b).toString(), "--out",
                dir.resolve("m").toString(), "--quiet");
    }

    private Path copyShard(String from, String to) throws Exception {
        Path d = Files.createDirectories(dir.resolve(to));
        return Files.copy(dir.resolve(from).resolve("results.json"), d.resolve("results.json"));
    }
}
