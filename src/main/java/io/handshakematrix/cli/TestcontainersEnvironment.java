package io.handshakematrix.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The two Testcontainers settings this machine always needs (no registry, so no Ryuk image; host networking,
 * so the host is localhost), mended by the tool itself instead of failing every container cell. Testcontainers
 * reads both with System.getenv only (checked in 1.21.3: ResourceReaper, DockerClientProviderStrategy), and
 * a JVM cannot change its own environment, so when one is missing the tool runs itself once more as a child
 * with them set, passing its exit code on. A value the user set is never overridden.
 */
final class TestcontainersEnvironment {
    static final Map<String, String> DEFAULTS = Map.of(
            "TESTCONTAINERS_RYUK_DISABLED", "true",
            "TESTCONTAINERS_HOST_OVERRIDE", "localhost");
    private static final String MARK = "HANDSHAKE_MATRIX_RELAUNCHED";

    private TestcontainersEnvironment() {}

    /** The variables to add; empty when all are set (or this process is already the relaunched one). */
    static Map<String, String> missing(Map<String, String> env) {
        Map<String, String> add = new LinkedHashMap<>();
        if (env.containsKey(MARK)) {
            return add;
        }
        DEFAULTS.forEach((k, v) -> {
            if (env.get(k) == null || env.get(k).isBlank()) {
                add.put(k, v);
            }
        });
        return add;
    }

    /** The child's exit code when a relaunch was needed and done; empty to go on in this process. */
    static Optional<Integer> relaunchIfNeeded(String[] args) {
        Map<String, String> add = missing(System.getenv());
        if (add.isEmpty() || args.length == 0) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            pb.environment().putAll(add);
            pb.environment().put(MARK, "1");
            Process child = pb.start();
            // SIGTERM to this process reaches the child (whose run prints the --resume line); Ctrl-C reaches both.
            Thread forward = new Thread(() -> {
                child.destroy();
                try {
                    child.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "forward-signal");
            Runtime.getRuntime().addShutdownHook(forward);
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(forward);
            return Optional.of(code);
        } catch (java.io.IOException e) {
            return Optional.empty(); // cannot start a child: go on here, the container cells will say why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Main.HARNESS);
        } catch (IllegalStateException shuttingDown) {
            return Optional.of(Main.HARNESS);
        }
    }
}
