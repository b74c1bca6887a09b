package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs that are no regular file: a FIFO (which blocked for ever), /dev/zero (read whole: 5 GB, then
 * OutOfMemoryError and exit 1), a directory. Each is one line naming it and exit 2, for every kind of input file:
 * matrix, PEM, configssl.cnf, product profile, baseline, a profile in a profile directory, a shard. Also the
 * numeric option ranges and no arguments. The @Timeout is a hang guard, not a speed target.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UnsafeInputsTest {
    private static final String FIFO = ": is not a regular file (a FIFO, device or socket); expected ";
    @TempDir
    Path dir;
    private Path fifo;

    @BeforeEach
    void makeFifo() throws Exception {
        fifo = dir.resolve("input.fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo");
    }

    private static void badInput(CliRun r, String line) {
        assertEquals(Main.BAD_INPUT, r.code(), r.all());
        assertEquals(line, r.err().strip());
    }

    private Path matrixNaming(String axisLine) throws Exception {
        Path m = dir.resolve("matrix.yaml");
        Files.writeString(m, """
                product:
                  receive_side: {"YES": [AES256-SHA], "NO": [DHE-RSA-AES256-SHA]}
                axes:
                  senders: [rhel-7.7]
                  receivers: [rhel-6.10]
                %s
                expect:
                  - why: "every cell of this small matrix handshakes (1024-bit DH or RSA)"
                    outcome: ok
                """.formatted(axisLine));
        return m;
    }

    private String out() {
        return dir.resolve("out").toString();
    }

    @Test
    void aFifoAsMatrixIsOneLine() {
        badInput(CliRun.of("run", "--matrix", fifo.toString(), "--out", out()), fifo + FIFO + "a YAML file");
    }

    @Test
    void devZeroAsMatrixIsOneLineNotAnOutOfMemoryError() {
        badInput(CliRun.of("run", "--matrix", "/dev/zero", "--out", out()), "/dev/zero" + FIFO + "a YAML file");
    }

    @Test
    void aDirectoryAsMatrixIsOneLine() {
        badInput(CliRun.of("run", "--matrix", dir.toString(), "--out", out()), dir + ": is a directory; expected a YAML file");
    }

    @Test
    void aFifoAsPemIsOneLine() throws Exception {
        Path m = matrixNaming("  receive_side: [\"NO\"]\n  dh: [\"" + fifo + "\"]");
        badInput(CliRun.of("run", "--matrix", m.toString(), "--out", out()),
                m + ":7: axes.dh[0]: " + fifo + FIFO + "a PKCS#3 PEM file");
    }

    @Test
    void aFifoAsConfigIsOneLine() {
        badInput(CliRun.of("ping", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--config", fifo.toString()),
                fifo + FIFO + "a configssl.cnf file");
    }

    @Test
    void aFifoAsProductProfileIsOneLine() {
        badInput(CliRun.of("ping", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--product", fifo.toString()),
                fifo + FIFO + "a YAML file");
    }

    @Test
    void aFifoAsBaselineIsRefusedBeforeAnyCellRuns() throws Exception {
        Path m = matrixNaming("  receive_side: [\"YES\"]\n  dh: [\"1024\"]");
        CliRun r = CliRun.of("run", "--matrix", m.toString(), "--out", out(), "--baseline", fifo.toString());
        badInput(r, fifo + FIFO + "a results.json file");
        assertTrue(!Files.exists(dir.resolve("out")), "OUT was touched by a refused run");
    }

    @Test
    void aBaselineOfTheWrongShapeIsRefusedWithItsLineBeforeAnyCellRuns() throws Exception {
        Path m = matrixNaming("  receive_side: [\"YES\"]\n  dh: [\"1024\"]");
        Path old = dir.resolve("old.json");
        Files.writeString(old, "{\"cells\": [\n  {\"sender\": \"rhel-7.7\", \"outcome\": \"ok\"}\n]}\n");
        CliRun r = CliRun.of("run", "--matrix", m.toString(), "--out", out(), "--baseline", old.toString());
        badInput(r, old + ":2: cell lacks \"receiver\"; expected a text value");
        assertTrue(!Files.exists(dir.resolve("out")), "OUT was touched by a refused run");
    }

    @Test
    void aFifoInAProfileDirectoryIsOneLine() throws Exception {
        Path profiles = Files.createDirectories(dir.resolve("profiles"));
        Path f = profiles.resolve("x.yaml");
        assertEquals(0, new ProcessBuilder("mkfifo", f.toString()).start().waitFor());
        badInput(CliRun.of("profiles", "--profiles", profiles.toString()), f + FIFO + "a YAML file");
    }

    @Test
    void aFifoAsShardIsOneLine() {
        badInput(CliRun.of("merge", fifo.toString(), "--out", out()), fifo + FIFO + "a results.json file");
    }

    @Test
    void numericOptionsOutOfRangeAreOneLineAtOnce() {
        badInput(CliRun.of("run", "--jobs", "0", "--out", out()), "--jobs: expected 1 to 256, found 0");
        badInput(CliRun.of("run", "--jobs", "-1", "--out", out()), "--jobs: expected 1 to 256, found -1");
        badInput(CliRun.of("run", "--progress-every", "-5", "--out", out()),
                "--progress-every: expected 0 to 1000000 cells, found -5");
        badInput(CliRun.of("bench", "--cells", "-5"), "--cells: expected 100 to 1000000 cells, found -5");
        badInput(CliRun.of("serve", "--stack", "rhel-6.10", "--port", "0", "--max-connections", "0"),
                "--max-connections: expected 1 to 1024, found 0");
        badInput(CliRun.of("connect", "--stack", "rhel-7.7", "--port", "1", "--deadline", "-1"),
                "--deadline: expected 0 to 7200 seconds, found -1");
        badInput(CliRun.of("diagnose", "--sender", ",,,", "--receiver", "rhel-6.10"),
                "--sender: expected one or more stack names separated by commas, found ''");
    }

    @Test
    void noArgumentsPrintsTheUsageAndExitsTwo() {
        CliRun r = CliRun.of();
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.err().contains("Usage: handshake-matrix"), r.err());
    }

    @Test
    void aSliceGlobIsLiteralNotARegex() throws Exception {
        Path m = matrixNaming("  receive_side: [\"YES\"]\n  dh: [\"1024\"]");
        // Nothing is called 'rhel-[7' or 'rhel-7.7|x': no cell (CiFaultsTest has its exit code), no stack trace.
        for (String literal : new String[] {"rhel-[7", "rhel-7.7|x"}) {
            CliRun r = CliRun.of("run", "--matrix", m.toString(), "--out", out(), "--sender", literal, "--quiet");
            assertTrue(r.code() != Main.HARNESS && !r.all().contains("Exception"), r.all());
            assertTrue(!r.out().contains("DIFFERS") && !r.out().startsWith("1 cells"), r.out());
        }
        CliRun one = CliRun.of("run", "--matrix", m.toString(), "--out", out(), "--sender", "rhel-7?7", "--quiet");
        assertEquals(Main.OK, one.code(), one.all());
        assertTrue(one.out().startsWith("1 cells:"), one.out());
    }
}
