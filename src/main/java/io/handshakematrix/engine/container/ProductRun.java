package io.handshakematrix.engine.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** One run of a product's command, in its container (docker exec) or on this machine, with its output and exit code. */
interface ProductRun extends StackProcess {
    boolean awaitLine(Predicate<String> line, long timeoutMs) throws InterruptedException;

    /** stdout lines, then stderr lines. */
    List<String> output();

    int exitCode();

    static ProductRun in(ShimContainer c, ProductStack.Command command) {
        ContainerProcess p = ContainerProcess.start(c.getDockerClient(), c.getContainerId(), "/bin/sh",
                command.shellArgs());
        return new ProductRun() {
            @Override
            public boolean awaitLine(Predicate<String> line, long timeoutMs) throws InterruptedException {
                return p.awaitStdout(line, timeoutMs) || p.stderrLines().stream().anyMatch(line);
            }

            @Override
            public boolean awaitExit(long timeoutMs) throws InterruptedException {
                return p.awaitExit(timeoutMs);
            }

            @Override
            public List<String> output() {
                List<String> all = new ArrayList<>(p.stdout().lines().toList());
                all.addAll(p.stderrLines());
                return all;
            }

            @Override
            public int exitCode() {
                return p.exitCode();
            }

            @Override
            public void kill() {
                if (!p.hasExited()) {
                    p.kill();
                }
            }
        };
    }

    /** A script alone (no values), on this machine. */
    static ProductRun local(String script) {
        return local(new ProductStack.Command(script, List.of()));
    }

    /** On this machine ({@code local: true}): /bin/sh -c, output merged as it comes. */
    static ProductRun local(ProductStack.Command command) {
        Process proc;
        try {
            // registered: ended with the run (success, failure, SIGTERM), SIGKILL if it ignores SIGTERM
            proc = io.handshakematrix.yaml.ChildProcesses.register(
                    new ProcessBuilder(shell(command)).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (var r = proc.inputReader(StandardCharsets.UTF_8)) {
                long kept = 0;
                for (String l; (l = r.readLine()) != null; ) {
                    synchronized (lines) {
                        // the rest is read and dropped: a product that prints megabytes is no megabyte record
                        if (kept < ContainerProcess.MAX_OUTPUT) {
                            String part = l.length() > ContainerProcess.MAX_OUTPUT - kept
                                    ? l.substring(0, (int) (ContainerProcess.MAX_OUTPUT - kept)) : l;
                            lines.add(part);
                            kept += part.length() + 1;
                            if (kept >= ContainerProcess.MAX_OUTPUT) {
                                lines.add(ContainerProcess.CUT);
                            }
                        }
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "product-output");
        reader.setDaemon(true);
        reader.start();
        return new ProductRun() {
            @Override
            public boolean awaitLine(Predicate<String> line, long timeoutMs) throws InterruptedException {
                long end = System.currentTimeMillis() + timeoutMs;
                synchronized (lines) {
                    while (lines.stream().noneMatch(line)) {
                        long left = end - System.currentTimeMillis();
                        if (left <= 0 || !proc.isAlive() && !reader.isAlive()) {
                            return lines.stream().anyMatch(line);
                        }
                        lines.wait(Math.min(left, 50));
                    }
                    return true;
                }
            }

            @Override
            public boolean awaitExit(long timeoutMs) throws InterruptedException {
                boolean done = proc.waitFor(timeoutMs, TimeUnit.MILLISECONDS);
                reader.join(1000);
                return done;
            }

            @Override
            public List<String> output() {
                synchronized (lines) {
                    return List.copyOf(lines);
                }
            }

            @Override
            public int exitCode() {
                return proc.isAlive() ? -1 : proc.exitValue();
            }

            @Override
            public void kill() {
                io.handshakematrix.yaml.ChildProcesses.end(proc, 500);
            }
        };
    }

    private static List<String> shell(ProductStack.Command command) {
        List<String> cmd = new ArrayList<>(List.of("/bin/sh"));
        cmd.addAll(command.shellArgs());
        return cmd;
    }
}
