package io.handshakematrix.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product that ignored SIGTERM outlived the run, and SIGTERM while Allure rendered left the renderer running and
 * its staging folder in the output. Children are ended with their descendants (SIGKILL after the grace), and on
 * SIGTERM the JVM's hook ends every registered child and removes every registered staging folder: verified gone.
 */
class ChildProcessesTest {
    @TempDir
    Path dir;

    /** A child that ignores SIGTERM (the ignore is inherited by its sleep). */
    static Process stubborn() throws java.io.IOException {
        return new ProcessBuilder("/bin/sh", "-c", "trap '' TERM; sleep 300 & wait").start();
    }

    @Test
    void aChildIgnoringSigtermIsKilledWithItsDescendants() throws Exception {
        Process p = ChildProcesses.register(stubborn());
        Thread.sleep(300);
        var family = p.descendants().toList();
        assertFalse(family.isEmpty());
        ChildProcesses.end(p, 300);
        assertTrue(p.waitFor(5, TimeUnit.SECONDS));
        for (ProcessHandle h : family) {
            h.onExit().get(5, TimeUnit.SECONDS);
            assertFalse(h.isAlive(), "descendant " + h.pid() + " outlived its parent");
        }
    }

    /** In a child JVM: registers a stubborn child and a staging folder, prints the child's pids, then waits. */
    public static void main(String[] args) throws Exception {
        Process p = ChildProcesses.register(stubborn());
        ChildProcesses.registerStaging(Files.createDirectories(Path.of(args[0])));
        Files.writeString(Path.of(args[0], "partial.html"), "half a report");
        Thread.sleep(300);
        StringBuilder pids = new StringBuilder(Long.toString(p.pid()));
        p.descendants().forEach(h -> pids.append(' ').append(h.pid()));
        System.out.println(pids);
        System.out.flush();
        Thread.sleep(300_000);
    }

    @Test
    void sigtermEndsRegisteredChildrenAndRemovesStaging() throws Exception {
        Path staging = dir.resolve(".allure-staging");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ChildProcessesTest.class.getName(), staging.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(jvm.getInputStream())).readLine();
        assertTrue(Files.isDirectory(staging));
        jvm.destroy(); // SIGTERM, as a cancelled CI job sends
        assertTrue(jvm.waitFor(20, TimeUnit.SECONDS), "the JVM ended on SIGTERM");
        for (String pid : line.trim().split(" ")) {
            var h = ProcessHandle.of(Long.parseLong(pid));
            if (h.isPresent()) {
                h.get().onExit().get(5, TimeUnit.SECONDS);
            }
            assertFalse(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false),
                    "child " + pid + " outlived the run");
        }
        assertFalse(Files.exists(staging), "the staging folder stayed");
        assertEquals(143, jvm.exitValue());
    }
}
