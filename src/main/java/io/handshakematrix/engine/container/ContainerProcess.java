package io.handshakematrix.engine.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One command run with {@code docker exec} in a long-lived stack container, in the background, its stdout
 * and stderr collected as they come. Testcontainers' execInContainer blocks until the command ends, and a
 * receiver (s_server) must be waited on while the sender runs, so the exec API is used directly.
 * The command is wrapped to print its pid first, so it can be killed after a timeout (the shim passes
 * the kill on to its tool).
 */
final class ContainerProcess implements StackProcess {
    private static final String PID_MARK = "hm-pid ";

    private final DockerClient docker;
    private final String containerId;
    /** The most kept of each stream: far above any TLS tool's output for one handshake (a few KB). */
    static final int MAX_OUTPUT = 256 * 1024;
    static final String CUT = "[output cut at " + MAX_OUTPUT / 1024 + " KB]";
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private final CountDownLatch exited = new CountDownLatch(1);
    private volatile Throwable failure;
    private volatile String execId;

    private ContainerProcess(DockerClient docker, String containerId) {
        this.docker = docker;
        this.containerId = containerId;
    }

    /** Runs {@code program} with {@code args} in the container (no shell quoting: the words pass as they are). */
    static ContainerProcess start(DockerClient docker, String containerId, String program, List<String> args) {
        ContainerProcess p = new ContainerProcess(docker, containerId);
        String[] cmd = new String[args.size() + 4];
        cmd[0] = "/bin/sh";
        cmd[1] = "-c";
        cmd[2] = "echo " + PID_MARK + "$$ >&2; exec \"$0\" \"$@\"";
        cmd[3] = program;
        for (int i = 0; i < args.size(); i++) {
            cmd[4 + i] = args.get(i);
        }
        String execId = docker.execCreateCmd(containerId).withAttachStdout(true).withAttachStderr(true)
                .withCmd(cmd).exec().getId();
        p.execId = execId;
        docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                synchronized (p) {
                    StringBuilder to = frame.getStreamType() == StreamType.STDERR ? p.err : p.out;
                    if (to.length() < MAX_OUTPUT) { // a process that prints megabytes becomes no megabyte record
                        to.append(text, 0, Math.min(text.length(), MAX_OUTPUT - to.length()));
                        if (to.length() >= MAX_OUTPUT) {
                            to.append("\n").append(CUT).append('\n');
                        }
                    }
                    p.notifyAll();
                }
            }

            @Override
            public void onError(Throwable t) {
                p.failure = t;
                p.exited.countDown();
                synchronized (p) {
                    p.notifyAll();
                }
            }

            @Override
            public void onComplete() {
                p.exited.countDown();
                synchronized (p) {
                    p.notifyAll();
                }
            }
        });
        return p;
    }

    /** Waits until stdout has a line matching {@code ready}, or the command ended; true if ready. */
    synchronized boolean awaitStdout(Predicate<String> ready, long timeoutMs) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMs;
        while (!out.toString().lines().anyMatch(ready)) {
            long left = end - System.currentTimeMillis();
            if (left <= 0 || exited.getCount() == 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    @Override
    public boolean awaitExit(long timeoutMs) throws InterruptedException {
        return exited.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    synchronized String stdout() { return out.toString(); }

    /** Stderr without the pid line this class added. */
    synchronized List<String> stderrLines() {
        return err.toString().lines().filter(l -> !l.startsWith(PID_MARK)).toList();
    }

    Throwable failure() { return failure; }

    /** The command's exit code once it ended; -1 if unknown. */
    int exitCode() {
        try {
            Long code = docker.inspectExecCmd(execId).exec().getExitCodeLong();
            return code == null ? -1 : code.intValue();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    boolean hasExited() { return exited.getCount() == 0; }

    /** Ends the command (after a timeout), by the pid it printed; nothing else in the container is touched. */
    @Override
    public void kill() {
        String pid;
        synchronized (this) {
            pid = err.toString().lines().filter(l -> l.startsWith(PID_MARK)).map(l -> l.substring(PID_MARK.length()))
                    .findFirst().orElse(null);
        }
        if (pid == null || !pid.matches("\\d+")) {
            return;
        }
        try {
            String id = docker.execCreateCmd(containerId).withCmd("kill", pid).exec().getId();
            docker.execStartCmd(id).exec(new ResultCallback.Adapter<Frame>()).awaitCompletion(5, TimeUnit.SECONDS);
        } catch (RuntimeException | InterruptedException e) {
            // the container may be gone already: nothing left to kill
        }
    }
}
