package io.handshakematrix.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What this process started outside itself and must not outlive it: child processes (a product's command, the
 * Allure renderer) and staging folders. Each is registered while it lives and forgotten when its owner ends it;
 * on SIGTERM (or any JVM exit) a shutdown hook ends every child still registered, with its descendants (SIGTERM,
 * then SIGKILL for one that ignores it), and deletes every staging folder still registered.
 */
public final class ChildProcesses {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Path> STAGING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ChildProcesses::endAll, "end-child-processes"));
    }

    private ChildProcesses() {}

    public static Process register(Process p) {
        LIVE.add(p);
        p.onExit().thenRun(() -> LIVE.remove(p));
        return p;
    }

    public static Path registerStaging(Path dir) {
        STAGING.add(dir);
        return dir;
    }

    public static void forgetStaging(Path dir) {
        STAGING.remove(dir);
    }

    /** Ends {@code p} and its descendants: SIGTERM, then SIGKILL after {@code graceMs} for what is still alive. */
    public static void end(Process p, long graceMs) {
        var family = Stream.concat(p.descendants(), Stream.of(p.toHandle())).toList();
        family.forEach(ProcessHandle::destroy);
        try {
            p.waitFor(graceMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        family.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        LIVE.remove(p);
    }

    static void endAll() {
        LIVE.forEach(p -> end(p, 500));
        for (Path dir : STAGING) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // best effort while the JVM ends
            }
        }
    }
}
