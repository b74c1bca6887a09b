package io.handshakematrix.engine.container;

import com.github.dockerjava.api.DockerClient;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.UnsupportedSettingException;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.shim.ShimSettings;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ErrorMap;
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
import java.util.function.Function;
import org.testcontainers.DockerClientFactory;

/**
 * Real stacks in local Docker images, each speaking the shim protocol through its image's own wrapper
 * (images/NAME/, images/README.md). One container per image and role for the whole run; each cell is one
 * {@code hm-shim} run in it (docker exec) behind a {@link TcpRelay} on 127.0.0.1, which supplies the wire
 * facts of the side's report; the shim's answer supplies the stack's own error lines. Which image and stack
 * settings a profile uses is data (container/stacks.yaml); what the image can do is its labels. Where no Docker
 * engine answers or an image cannot be built, its cells are skipped with that reason; a container that stops
 * mid-run, or a shim answer that is not one JSON line, makes only its own cells {@code error}.
 */
public final class ContainerEngine implements Engine {
    public static final String NAME = "container";

    private final ContainerStacks stacks;
    private final Function<String, ImageFolder> folderSource;
    private final Containers containers;
    private final Map<String, Optional<String>> imageProblems = new LinkedHashMap<>();
    private final Map<String, ImageFolder> folders = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();

    public ContainerEngine() {
        this(System.out);
    }

    ContainerEngine(PrintStream summaryOut) {
        this(summaryOut, ContainerStacks.builtin(), n -> ImageFolder.read(n, ImageBuilder::classpathFile, "images/"));
    }

    /** Other stack data and image folders (tests: a stand-in image, a broken shim). */
    ContainerEngine(PrintStream summaryOut, ContainerStacks stacks, Function<String, ImageFolder> folderSource) {
        this.stacks = stacks;
        this.folderSource = folderSource;
        this.containers = new Containers(summaryOut);
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
        if (profile.hasPolicies() && stack.get().policySetting() == null) {
            return Optional.of(profile.id() + " runs under a crypto policy, which its container stack cannot take"
                    + " (no policy_setting in container/stacks.yaml)");
        }
        Optional<String> problem = docker().or(() -> image(stack.get().imageFolder()));
        if (problem.isPresent()) {
            return problem;
        }
        ImageFolder f = folder(stack.get().imageFolder());
        if (!f.roles().contains(role.label())) {
            return Optional.of("images/" + f.name() + " runs as " + String.join(" or ", f.roles()) + " only (label "
                    + ImageFolder.ROLES + "; its README says why)");
        }
        if (!f.protocols().isEmpty() && !f.protocols().contains(protocol)) {
            return Optional.of("images/" + f.name() + " runs " + String.join(", ", f.protocols()) + " only (label "
                    + ImageFolder.PROTOCOLS + ")");
        }
        return Optional.empty();
    }

    /** Why no Docker engine can be used; empty when one answers. Checked once per run. */
    Optional<String> docker() {
        return containers.docker();
    }

    private synchronized ImageFolder folder(String name) {
        return folders.computeIfAbsent(name, folderSource);
    }

    /** Builds the folder's image if its tag is absent (once per run); why it cannot, if so. */
    private synchronized Optional<String> image(String folderName) {
        return imageProblems.computeIfAbsent(folderName, n -> {
            try {
                tags.put(n, containers.builder().ensure(folder(n)));
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(e.getMessage());
            }
        });
    }

    private synchronized String tag(ContainerStacks.Stack stack) {
        return tags.get(stack.imageFolder());
    }

    @Override
    public RunningReceiver serve(ReceiverSpec spec) throws IOException {
        spec.requireRsaCertificate("container");
        ContainerStacks.Stack stack = stack(spec.profile());
        long timeoutMs = spec.timeout().toMillis();
        boolean dhe = spec.cipherSuites().stream().anyMatch(CipherSuites::isDhe);
        try {
            ShimContainer c = containers.get(tag(stack), Side.RECEIVER);
            String dh = dhe ? c.dhParamsFile(spec.dhGroup()) : null;
            // A free port is picked here and bound by the shim's tool later: another cell may take it in
            // between, so the shim's "port in use" error means "pick again", a few times.
            for (int attempt = 1; ; attempt++) {
                int port = freePort();
                ShimSettings settings = new ShimSettings(ShimSettings.RECEIVER, "127.0.0.1", port, "TLSv1.2",
                        spec.cipherSuites(), dh, 0, timeoutMs, stackSettings(stack, spec.profile(), c));
                ContainerProcess p = c.exec(settings.toArgs());
                p.awaitStdout(l -> l.contains("\"event\""), timeoutMs);
                ShimAnswer first = firstAnswer(p, stack, timeoutMs);
                if (first.is(ShimAnswer.LISTENING)) {
                    TcpRelay relay = new TcpRelay(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), false,
                            (int) timeoutMs);
                    return new RelayedReceiver<Boolean>(relay, () -> p.exitedOrKilled(timeoutMs),
                            exited -> ShimSideReports.of(false, p, relay, !exited, spec.profile()), () -> {
                                if (!p.hasExited()) {
                                    p.kill();
                                }
                            });
                }
                if (!p.hasExited()) {
                    p.kill();
                }
                if (first.is(ShimAnswer.DONE) && !first.errors().isEmpty()) {
                    // the stack refused its settings at start (its own lines): the receiver's verdict
                    String rule = ErrorMap.of(spec.profile()).rule(Side.RECEIVER, first.errors()).orElse(null);
                    return new RefusedAtStartReceiver(rule, first.errors(), (int) timeoutMs);
                }
                if (first.is(ShimAnswer.UNSUPPORTED)) {
                    throw new UnsupportedSettingException(stack.profileId() + ": " + first.reason());
                }
                String why = first.reason() == null ? first.event() : first.reason();
                if (attempt >= 5 || !why.startsWith("port in use")) {
                    throw new IOException(stack.profileId() + " receiver did not start: " + why);
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(containers.broke(stack.profileId(), tag(stack), Side.RECEIVER, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    private static ShimAnswer firstAnswer(ContainerProcess p, ContainerStacks.Stack stack, long timeoutMs)
            throws IOException {
        String line = p.stdout().lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
        if (line == null) {
            throw new IOException(stack.profileId() + " receiver's shim gave no answer within " + timeoutMs
                    + " ms: " + String.join(" | ", p.stderrLines()));
        }
        try {
            return ShimAnswer.parse(line);
        } catch (ShimAnswer.NotAnAnswer e) {
            throw new IOException(stack.profileId() + " receiver: " + e.getMessage());
        }
    }

    @Override
    public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
        long timeoutMs = spec.timeout().toMillis();
        ContainerStacks.Stack stack = stack(spec.profile());
        ShimContainer c;
        try {
            // The container first: its start may take longer than the relay waits for the sender to connect.
            c = containers.get(tag(stack), Side.SENDER);
        } catch (RuntimeException e) {
            return harnessError(containers.broke(stack.profileId(), tag(stack), Side.SENDER, e));
        }
        try (TcpRelay relay = new TcpRelay(receiver, true, (int) timeoutMs)) {
            // Under a crypto policy the policy's CipherString is the sender's list, as a host's s_client has it.
            List<String> suites = spec.profile().policy() != null ? List.of() : spec.profile().cipherSuites();
            ShimSettings settings = new ShimSettings(ShimSettings.SENDER, "127.0.0.1", relay.address().getPort(),
                    spec.maxProtocol(), suites, null, spec.minDhBitsOverride(), timeoutMs,
                    stackSettings(stack, spec.profile(), c));
            ContainerProcess p = c.exec(settings.toArgs());
            boolean exited = p.exitedOrKilled(timeoutMs);
            relay.awaitClosed(exited ? timeoutMs : 1000);
            return ShimSideReports.of(true, p, relay, !exited, spec.profile());
        } catch (IOException | RuntimeException e) {
            return harnessError(containers.broke(stack.profileId(), tag(stack), Side.SENDER, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return harnessError("interrupted");
        }
    }

    /**
     * The stack's settings from its data, plus, for a profile compiled under a crypto policy, the policy's generated
     * openssl.cnf (written into the container) under the stack's {@code policy_setting}.
     */
    private static Map<String, String> stackSettings(ContainerStacks.Stack stack, StackProfile profile,
                                                     ShimContainer c) {
        if (profile.policy() == null) {
            return stack.settings();
        }
        Map<String, String> m = new LinkedHashMap<>(stack.settings());
        m.put(stack.policySetting(), c.policyConfigFile(profile.policy()));
        return m;
    }

    private ContainerStacks.Stack stack(StackProfile profile) {
        return stacks.find(profile.id()).orElseThrow(() -> new IllegalStateException(profile.id() + " has no container stack"));
    }

    static SideReport harnessError(String why) {
        SideLog log = new SideLog();
        log.harnessError(why);
        return log.freeze(List.of());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Stops the containers and prints the tier's cost: image builds (or cached) and container starts. */
    @Override
    public void close() {
        containers.close();
    }

    static DockerClient client() {
        return DockerClientFactory.instance().client();
    }
}
