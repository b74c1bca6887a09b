package io.handshakematrix.engine.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.StackProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Real stacks (OpenSSL 1.1.1w, 3.0, GnuTLS 3.7) in local Docker images, run by Testcontainers. One container
 * per image, tool and role for the whole run; each cell is one s_server / s_client / gnutls-cli process in it
 * (docker exec) behind a {@link TcpRelay} on 127.0.0.1, which supplies the wire facts of the side's report.
 * Where no Docker engine answers or an image is not built, its cells are skipped with that reason; a container
 * that stops mid-run makes its cells {@code error}, never passed.
 */
public final class ContainerEngine implements Engine {
    public static final String NAME = "container";
    static final String BUILD_SECONDS_LABEL = "io.handshakematrix.build-seconds";

    private final ContainerStacks stacks = ContainerStacks.builtin();
    private final Map<String, StackContainer> containers = new LinkedHashMap<>();
    private final Map<String, String> containerFailures = new LinkedHashMap<>();
    private final Map<String, Optional<String>> imageProblems = new LinkedHashMap<>();
    private final PrintStream summaryOut;
    private Optional<String> dockerProblem;
    private int starts;
    private long startNanos;

    public ContainerEngine() {
        this(System.out);
    }

    ContainerEngine(PrintStream summaryOut) {
        this.summaryOut = summaryOut;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> cannotRun(StackProfile profile, Side role, String protocol) {
        Optional<ContainerStacks.Stack> stack = stacks.find(profile.id());
        if (stack.isEmpty()) {
            return Optional.of(profile.id() + " has no real stack in the container tier (container/stacks.yaml)");
        }
        if (stack.get().tool() == ContainerStacks.Tool.GNUTLS && role == Side.RECEIVER) {
            return Optional.of("gnutls-serv has no listen-address option and would bind every interface; "
                    + "GnuTLS runs as a sender only (127.0.0.1 only)");
        }
        if (!protocol.equals("TLSv1.2")) {
            return Optional.of("the container tier runs TLSv1.2 only (Debian's MinProtocol is TLSv1.2)");
        }
        return docker().or(() -> image(stack.get().image()));
    }

    /** Why no Docker engine can be used; empty when one answers. Checked once per run. */
    synchronized Optional<String> docker() {
        if (dockerProblem == null) {
            if (!"true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
                dockerProblem = Optional.of("TESTCONTAINERS_RYUK_DISABLED=true is not set (Ryuk's image cannot be pulled "
                        + "without a registry); also set TESTCONTAINERS_HOST_OVERRIDE=localhost");
            } else {
                try {
                    dockerProblem = DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                            : Optional.of("no Docker engine answers (start dockerd; see .ci/run)");
                } catch (RuntimeException e) {
                    dockerProblem = Optional.of("no Docker engine answers: " + e.getMessage());
                }
            }
        }
        return dockerProblem;
    }

    private synchronized Optional<String> image(String image) {
        return imageProblems.computeIfAbsent(image, i -> {
            try {
                client().inspectImageCmd(i).exec();
                return Optional.empty();
            } catch (NotFoundException e) {
                return Optional.of("image " + i + " is not built (run images/build.sh; nothing is pulled)");
            }
        });
    }

    private static DockerClient client() {
        return DockerClientFactory.instance().client();
    }

    @Override
    public RunningReceiver serve(ReceiverSpec spec) throws IOException {
        ContainerStacks.Stack stack = stack(spec.profile());
        OpensslContainer c = (OpensslContainer) container(stack, Side.RECEIVER);
        long timeoutMs = spec.timeout().toMillis();
        boolean dhe = spec.cipherSuites().stream().anyMatch(CipherSuites::isDhe);
        int port = 0;
        ContainerProcess p = null;
        try {
            // A free port is picked here and bound by s_server later: another cell may take it in between,
            // so "Address already in use" means "pick again", a few times.
            for (int attempt = 1; p == null; attempt++) {
                port = freePort();
                ContainerProcess started = c.exec(c.serverCommand(port, cipherList(spec.cipherSuites(), stack),
                        dhe ? c.dhParamsFile(spec.dhGroup()) : null));
                if (started.awaitStdout(OpensslContainer.LISTENING::equals, timeoutMs)) {
                    p = started;
                } else {
                    if (!started.hasExited()) {
                        started.kill();
                    }
                    String why = String.join(" | ", started.stderrLines());
                    if (attempt >= 5 || !why.contains("Address already in use")) {
                        throw new IOException(stack.profileId() + " s_server did not start: " + why);
                    }
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(containerBroke(stack, Side.RECEIVER, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        return new RealReceiver(p, new TcpRelay(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                false, (int) timeoutMs), timeoutMs);
    }

    @Override
    public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
        long timeoutMs = spec.timeout().toMillis();
        ContainerStacks.Stack stack = stack(spec.profile());
        try (TcpRelay relay = new TcpRelay(receiver, true, (int) timeoutMs)) {
            StackContainer c = container(stack, Side.SENDER);
            int port = relay.address().getPort();
            String cmd = c instanceof OpensslContainer o
                    ? o.clientCommand(port, cipherList(spec.profile().cipherSuites(), stack), spec.maxProtocol())
                    : ((GnutlsContainer) c).clientCommand(port, stack.priority());
            ContainerProcess p = c.exec(cmd);
            boolean exited = p.awaitExit(timeoutMs);
            if (!exited) {
                p.kill();
            }
            relay.awaitClosed(exited ? timeoutMs : 1000);
            List<String> errors = stack.tool() == ContainerStacks.Tool.OPENSSL ? OpensslErrors.lines(p.stderrLines())
                    : GnutlsErrors.lines(p.stderrLines(), p.stdout());
            String harness = p.failure() != null ? "docker exec: " + p.failure()
                    : relay.connected() ? null : relay.failure();
            return RealSideReport.of(true, relay.facts(), errors, relay.transcript().lines(), !exited, harness);
        } catch (IOException | RuntimeException e) {
            return harnessError(containerBroke(stack, Side.SENDER, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return harnessError("interrupted");
        }
    }

    private ContainerStacks.Stack stack(StackProfile profile) {
        return stacks.find(profile.id()).orElseThrow(() -> new IllegalStateException(profile.id() + " has no container stack"));
    }

    private static String cipherList(List<String> suites, ContainerStacks.Stack stack) {
        return String.join(":", suites) + (stack.securityLevel() >= 0 ? "@SECLEVEL=" + stack.securityLevel() : "");
    }

    /** The run's container for this image, tool and role, started on first use; a failed start is not retried. */
    private synchronized StackContainer container(ContainerStacks.Stack stack, Side role) {
        String key = stack.image() + " " + stack.tool().name().toLowerCase() + " " + role.label();
        StackContainer c = containers.get(key);
        if (c != null) {
            return c;
        }
        if (containerFailures.containsKey(key)) {
            throw new IllegalStateException(containerFailures.get(key));
        }
        c = stack.tool() == ContainerStacks.Tool.OPENSSL ? new OpensslContainer(stack.image())
                : new GnutlsContainer(stack.image());
        long t0 = System.nanoTime();
        try {
            c.start();
        } catch (RuntimeException e) {
            containerFailures.put(key, "container " + key + " failed to start: " + e.getMessage());
            throw new IllegalStateException(containerFailures.get(key), e);
        } finally {
            starts++;
            startNanos += System.nanoTime() - t0;
        }
        containers.put(key, c);
        return c;
    }

    private String containerBroke(ContainerStacks.Stack stack, Side role, Exception e) {
        String running;
        synchronized (this) {
            StackContainer c = containers.get(stack.image() + " " + stack.tool().name().toLowerCase() + " " + role.label());
            running = c == null ? "" : c.isRunning() ? "" : " (container " + c.getContainerName() + " is not running)";
        }
        return stack.profileId() + " " + role.label() + ": " + e.getMessage() + running;
    }

    private static SideReport harnessError(String why) {
        SideLog log = new SideLog();
        log.harnessError(why);
        return log.freeze(List.of());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops the containers and prints the tier's cost: image build times (from the image labels) and starts. */
    @Override
    public synchronized void close() {
        if (containers.isEmpty() && containerFailures.isEmpty()) {
            return;
        }
        containers.values().forEach(c -> {
            try {
                c.stop();
            } catch (RuntimeException ignored) {
                // already stopped (e.g. killed mid-run): nothing left to release
            }
        });
        StringBuilder images = new StringBuilder();
        containers.values().stream().map(c -> c.getDockerImageName()).distinct().forEach(i -> images
                .append(images.length() == 0 ? "" : ", ").append(i).append(" built in ").append(buildSeconds(i)));
        summaryOut.printf("container tier: %d container starts (%.1f s in all); images: %s%n", starts,
                startNanos / 1e9, images.length() == 0 ? "none used" : images);
        containers.clear();
    }

    private static String buildSeconds(String image) {
        try {
            Map<String, String> labels = client().inspectImageCmd(image).exec().getConfig().getLabels();
            String s = labels == null ? null : labels.get(BUILD_SECONDS_LABEL);
            return s == null ? "? s (no " + BUILD_SECONDS_LABEL + " label)" : s + " s";
        } catch (RuntimeException e) {
            return "? s (" + e.getMessage() + ")";
        }
    }

    /** An s_server process behind its relay; its report is ready once it exited (or was killed at the timeout). */
    private static final class RealReceiver implements RunningReceiver {
        private final ContainerProcess process;
        private final TcpRelay relay;
        private final long timeoutMs;

        RealReceiver(ContainerProcess process, TcpRelay relay, long timeoutMs) {
            this.process = process;
            this.relay = relay;
            this.timeoutMs = timeoutMs;
        }

        @Override
        public InetSocketAddress address() {
            return relay.address();
        }

        @Override
        public SideReport await() throws InterruptedException {
            boolean exited = process.awaitExit(timeoutMs);
            if (!exited) {
                process.kill();
            }
            relay.awaitClosed(1000);
            String harness = process.failure() != null ? "docker exec: " + process.failure()
                    : relay.connected() ? null : relay.failure();
            return RealSideReport.of(false, relay.facts(), OpensslErrors.lines(process.stderrLines()),
                    relay.transcript().lines(), !exited, harness);
        }

        @Override
        public void close() {
            relay.close();
            if (!process.hasExited()) {
                process.kill();
            }
        }
    }
}
