package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --quiet} keeps its help's promise, "no table and no progress lines, only the summary and differences":
 * the same run without --quiet prints progress lines (so the check below can see one), with --quiet not one, not
 * even with --progress-every 1 or on --resume; the summary and the DIFFERS lines stay.
 */
class QuietRunTest {
    /** A progress line of either display: "  4/4 cells (3 ok, 1 fail, 0 other), ..." or "  resuming: ...". */
    private static final Pattern PROGRESS = Pattern.compile("(?m)^\\s*(\\d+/\\d+ cells \\(|resuming: )");

    @TempDir
    Path dir;

    @Test
    void quietRunPrintsNoProgressOnlyTheSummaryAndDifferences() throws IOException {
        Path matrix = dir.resolve("m.yaml");
        Files.writeString(matrix, MainTest.drifted());

        CliRun loud = CliRun.of("run", "--matrix", matrix.toString(), "--out", dir.resolve("loud").toString(),
                "--progress-every", "1", "--no-allure-report");
        assertEquals(1, loud.code(), loud.all());
        assertTrue(PROGRESS.matcher(loud.err()).find(), "without --quiet, progress lines (no console here):\n" + loud.err());

        Path out = dir.resolve("quiet");
        CliRun quiet = CliRun.of("run", "--matrix", matrix.toString(), "--out", out.toString(), "--quiet",
                "--progress-every", "1", "--no-allure-report");
        assertEquals(1, quiet.code(), quiet.all());
        assertFalse(PROGRESS.matcher(quiet.all()).find(), "--quiet printed progress:\n" + quiet.all());
        assertEquals("", quiet.err(), "nothing went wrong, so nothing on stderr");
        assertSummaryAndDifferencesOnly(quiet.out());

        CliRun resumed = CliRun.of("run", "--matrix", matrix.toString(), "--out", out.toString(), "--quiet",
                "--progress-every", "1", "--no-allure-report", "--resume");
        assertEquals(1, resumed.code(), resumed.all());
        assertFalse(PROGRESS.matcher(resumed.all()).find(), "--quiet --resume printed progress:\n" + resumed.all());
        assertSummaryAndDifferencesOnly(resumed.out());
    }

    private static void assertSummaryAndDifferencesOnly(String out) {
        assertTrue(out.startsWith("4 cells: 3 ok, 1 fail, 0 error, 0 timeout, 0 skipped; 3 as expected, 1 differ."), out);
        assertTrue(out.contains("DIFFERS  rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256 | TLSv1.2"), out);
        assertFalse(out.contains("RECEIVE_SIDE = NO"), "no table:\n" + out);
    }
}
