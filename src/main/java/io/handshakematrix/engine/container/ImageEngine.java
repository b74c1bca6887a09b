package io.handshakematrix.engine.container;

import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.SideEnd;
import io.handshakematrix.engine.UnsupportedSettingException;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.shim.ShimConnection;
import io.handshakematrix.engine.shim.ShimSettings;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.StackProfile;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Emulated stack profiles run in their own images by the stack agent ({@code rhel-6.10@image}): the same
 * profile as in-process, but outside the harness JVM, behind the shim protocol, as users' CI would run it.
 * One container per image and role for the whole run; each cell is one request over the agent's control
 * connection, with a {@link TcpRelay} in front of the stack that supplies the wire facts, as for real stacks.
 */
public final class ImageEngine implements Engine {
    public static final String NAME = "image";
    private static final Duration ANSWER_SLACK = Duration.ofSeconds(20);

    private final Containers containers;
    private final Map<String, Optional<String>> problems = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private AgentImages images;

    public ImageEngine() {
        this(System.out);
    }

    ImageEngine(PrintStream summaryOut) {
        this.containers = new Containers(summaryOut, AgentContainer::new);
    }

    /** The same cell with both stacks run in their images. */
    public static io.handshakematrix.model.Cell bothInImages(io.handshakematrix.model.Cell c) {
        return new io.handshakematrix.model.Cell(c.sender() + "@" + NAME, c.receiver() + "@" + NAME, c.settings());
    }

    @Override
    public String name() {
        return NAME;
    }

    private synchronized AgentImages agentImages() {
        if (images == null) {
            images = new AgentImages(containers.builder());
        }
        return images;
    }

    @Override
    public Optional<String> cannotRun(StackProfile profile, Side role, String protocol) {
        if (protocol.equals("SSLv3")) {
            return Optional.of("SSLv3 is not emulated (BouncyCastle TLS has no SSLv3)");
        }
        if (profile.hasPolicies()) { // the agent in the image reads the bare profile: it would ignore the policy
            return Optional.of(profile.id() + " runs under a crypto policy, which its stack image does not carry yet");
        }
        return containers.docker().or(() -> image(profile));
    }

    Optional<String> docker() {
        return containers.docker();
    }

    /** Builds the profile's image if absent (once per run); why it cannot, if so. */
    synchronized Optional<String> image(StackProfile profile) {
        return problems.computeIfAbsent(profile.id(), id -> {
            try {
                tags.put(id, agentImages().ensure(profile));
                return Optional.empty();
            } catch (RuntimeException e) {
                return Optional.of(e.getMessage());
            }
        });
    }

    /** The profile's image tag (after {@link #image}). */
    synchronized String tag(StackProfile profile) {
        return tags.get(profile.id());
    }

    @Override
    public RunningReceiver serve(ReceiverSpec spec) throws IOException {
        spec.requireRsaCertificate("image");
        if (spec.cipherSuites().equals(ReceiverSpec.STACK_DEFAULT)) { // the agent takes the product's suites only
            throw new io.handshakematrix.engine.UnsupportedSettingException(spec.profile().id()
                    + "@image serves the product settings' suites only, not the stack's DEFAULT list");
        }
        spec.requireServableGroup();
        String id = spec.profile().id();
        long timeoutMs = spec.timeout().toMillis();
        try {
            AgentContainer c = (AgentContainer) containers.get(tag(spec.profile()), Side.RECEIVER);
            boolean dhe = spec.cipherSuites().stream().anyMatch(CipherSuites::isDhe);
            String dh = dhe && spec.dhGroup() != null ? c.dhParamsFile(spec.dhGroup()) : null;
            Map<String, String> stack = dh == null ? Map.of() : Map.of("dh-name", spec.dhGroup().name());
            ShimConnection.Exchange ex = c.control().send(new ShimSettings(ShimSettings.RECEIVER, "127.0.0.1", 0,
                    "TLSv1.2", spec.cipherSuites(), dh, 0, timeoutMs, stack));
            ShimAnswer first = ex.next(spec.timeout().plus(ANSWER_SLACK));
            if (first.is(ShimAnswer.UNSUPPORTED)) {
                throw new UnsupportedSettingException(id + ": " + first.reason());
            }
            if (!first.is(ShimAnswer.LISTENING)) {
                throw new IOException(id + " receiver did not start: " + first.reason());
            }
            TcpRelay relay = new TcpRelay(new InetSocketAddress(InetAddress.getLoopbackAddress(), first.port()), false,
                    (int) timeoutMs);
            // its report is the agent's done answer
            return new RelayedReceiver<ShimAnswer>(relay, () -> ex.next(spec.timeout().multipliedBy(2).plus(ANSWER_SLACK)),
                    done -> report(false, done, relay), () -> { });
        } catch (RuntimeException e) {
            throw new IOException(containers.broke(id, tag(spec.profile()), Side.RECEIVER, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    @Override
    public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
        long timeoutMs = spec.timeout().toMillis();
        String id = spec.profile().id();
        AgentContainer c;
        try {
            // The container first: its start may take longer than the relay waits for the sender to connect.
            c = (AgentContainer) containers.get(tag(spec.profile()), Side.SENDER);
        } catch (RuntimeException e) {
            return ContainerEngine.harnessError(containers.broke(id, tag(spec.profile()), Side.SENDER, e));
        }
        try (TcpRelay relay = new TcpRelay(receiver, true, (int) timeoutMs)) {
            ShimConnection.Exchange ex = c.control().send(new ShimSettings(ShimSettings.SENDER, "127.0.0.1",
                    relay.address().getPort(), spec.maxProtocol(), List.of(), null, spec.minDhBitsOverride(), timeoutMs,
                    Map.of()));
            ShimAnswer done = ex.next(spec.timeout().multipliedBy(2).plus(ANSWER_SLACK));
            relay.awaitClosed(timeoutMs);
            return report(true, done, relay);
        } catch (IOException | RuntimeException e) {
            return ContainerEngine.harnessError(containers.broke(id, tag(spec.profile()), Side.SENDER, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ContainerEngine.harnessError("interrupted");
        }
    }

    /** The side's report: the wire from the relay, the profile's error lines from the agent's answer. */
    private static SideReport report(boolean client, ShimAnswer a, TcpRelay relay) {
        if (a.is(ShimAnswer.UNSUPPORTED)) {
            return SideReport.ended(new SideEnd.Unsupported(a.reason()));
        }
        String harness = a.is(ShimAnswer.DONE) ? (relay.connected() ? null : relay.failure()) : "the agent: " + a.reason();
        // the rule is the agent's own word for which profile rule fired (it ran the profile); the wire is the relay's
        String rule = a.raw().path("rule").isTextual() ? a.raw().path("rule").asText() : null;
        return ShimSideReports.of(client, relay, a.errors(), a.raw().path("timed_out").asBoolean(false), harness,
                rule);
    }

    @Override
    public void close() {
        containers.close();
    }
}
