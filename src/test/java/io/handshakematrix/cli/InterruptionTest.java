package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (a cancelled CI job) ends a real run with one line: the journaled count and the exact --resume command. */
class InterruptionTest {
    @TempDir
    Path dir;

    @Test
    void sigtermPrintsJournaledCountAndResumeCommand() throws Exception {
        Path out = dir.resolve("out");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--out", out.toString(), "--quiet", "--jobs", "1", "--no-allure-report")
                .redirectErrorStream(false).redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
        Path journal = out.resolve("cells.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (lines(journal) < 20) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail("the run did not journal 20 cells (exit " + (p.isAlive() ? "none" : p.exitValue()) + "): "
                        + Files.readString(err));
            }
            Thread.sleep(100);
        }
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the run ends on SIGTERM");
        assertEquals(143, p.exitValue(), "128 + SIGTERM");
        List<String> said = Files.readAllLines(err).stream().filter(l -> l.startsWith("interrupted:")).toList();
        assertEquals(1, said.size(), Files.readString(err));
        Matcher m = Pattern.compile("interrupted: (\\d+) of (\\d+) cells are journaled in (.+); continue with: (.+)")
                .matcher(said.get(0));
        assertTrue(m.matches(), said.get(0));
        int n = Integer.parseInt(m.group(1));
        assertTrue(n >= 20 && n <= lines(journal), n + " cells said, " + lines(journal) + " in the journal");
        assertEquals(journal.toString(), m.group(3));
        assertTrue(m.group(4).endsWith(" " + Main.class.getName() + " run --out " + out + " --quiet --jobs 1 "
                + "--no-allure-report --resume"), m.group(4));
    }

    private static long lines(Path f) throws Exception {
        if (!Files.exists(f)) {
            return 0;
        }
        try (var s = Files.lines(f)) {
            return s.count();
        }
    }
}
