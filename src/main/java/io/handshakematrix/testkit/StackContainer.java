package io.handshakematrix.testkit;

import io.handshakematrix.config.ConfigSslReader;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.config.ReceiverSetting;
import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.container.StackImages;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.startupcheck.StartupCheckStrategy;
import com.github.dockerjava.api.DockerClient;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.LazyFuture;

/**
 * An emulated RHEL (or any profile's) crypto stack in its own image, for product teams' JUnit 5 tests:
 * <pre>
 *   try (StackContainer rhel6 = StackContainer.receiver("rhel-6.10").withReceiveSide("NO").withDhGroup("256-g1")) {
 *       rhel6.start();
 *       // point the product's sender at rhel6.getHost():rhel6.getPort(), then
 *       Handshake h = rhel6.awaitHandshake(Duration.ofSeconds(10));
 *   }
 * </pre>
 * A receiver listens on its port until stopped and records every handshake; {@code sender(...)} runs one
 * handshake against {@link #withTarget} and exits. The image (tag: harness version + content hash) is built
 * offline from the harness jar on first use. Here the container shares the host's network and everything is on
 * 127.0.0.1; on a user-defined Docker network, bind with {@link #withBind} and use a network alias.
 */
public final class StackContainer extends GenericContainer<StackContainer> {
    private static final String DH_FILE = "/tmp/hm/dh.pem";

    private final StackProfile profile;
    private final boolean receiver;
    private final ProductProfile product = ProductProfiles.builtin();
    private final DhGroupCatalog groups = DhGroupCatalog.builtin();
    private final int port;
    private String receiveSide;
    private DhGroup dhGroup;
    private String bind = "127.0.0.1";
    private String targetHost;
    private int targetPort;
    private String maxProtocol = "TLSv1.2";
    private Duration timeout = Duration.ofSeconds(10);

    private StackContainer(StackProfile profile, boolean receiver) {
        // The image is built (offline, seconds) when the container starts, not here: a field initializer or a
        // @Container declaration must not block, and a test that never starts it never builds it.
        super(new ImageOnStart(profile));
        this.profile = profile;
        this.receiver = receiver;
        this.receiveSide = product.receiveSideDefault();
        this.dhGroup = groups.resolve(product.internalGroup(), null);
        this.port = receiver ? freePort() : 0;
        withNetworkMode("host");
        if (receiver) {
            // Started only when the agent says so: it prints its ready line after binding the port. With host
            // networking there is no mapped port for Testcontainers to probe, and an open port alone would not
            // say that the profile loaded.
            waitingFor(Wait.forLogMessage(".*\"event\":\"ready\".*", 1).withStartupTimeout(Duration.ofSeconds(120)));
        } else {
            // A sender is one handshake and exits: started means it ran to the end. Its exit code is 1 when the
            // handshake failed, which OneShotStartupCheckStrategy would take for a failed start.
            withStartupCheckStrategy(new RanToTheEnd().withTimeout(Duration.ofSeconds(120)));
        }
    }

    /** A receiver (TLS server) of a shipped profile: rhel-6.10, rhel-7.7, rhel-6.10-fips, rhel-6-pre-logjam ... */
    public static StackContainer receiver(String profileId) {
        return new StackContainer(KnownStacks.get(profileId), true);
    }

    /** A receiver of a profile from a file (a user's own stack), which its image carries. */
    public static StackContainer receiver(Path profileYaml) {
        return new StackContainer(ProfileCatalog.readFile(profileYaml), true);
    }

    /** A sender (TLS client) of a shipped profile; give it a {@link #withTarget}. */
    public static StackContainer sender(String profileId) {
        return new StackContainer(KnownStacks.get(profileId), false);
    }

    public static StackContainer sender(Path profileYaml) {
        return new StackContainer(ProfileCatalog.readFile(profileYaml), false);
    }

    /** The product's [RSAKEY] RECEIVE_SIDE: YES enables AES256-SHA, NO DHE-RSA-AES256-SHA (products/file-transfer.yaml). */
    public StackContainer withReceiveSide(String yesOrNo) {
        if (!product.receiveSideSuites().containsKey(yesOrNo)) {
            throw new IllegalArgumentException("RECEIVE_SIDE must be one of " + product.receiveSideSuites().keySet());
        }
        this.receiveSide = yesOrNo;
        return self();
    }

    /** A DH group the harness ships by name ("256-g1", "1024", "ffdhe2048"; see `dh inspect`). */
    public StackContainer withDhGroup(String name) {
        this.dhGroup = groups.resolve(name, null);
        return self();
    }

    /** A DH group from a PKCS#3 PEM file ("DH PARAMETERS"). */
    public StackContainer withDhGroup(Path pem) {
        this.dhGroup = groups.resolve(pem.toAbsolutePath().toString(), null);
        return self();
    }

    /** The product's configssl.cnf: its RECEIVE_SIDE and the DH group its [DH] tables make it serve. */
    public StackContainer withConfig(Path configSsl) {
        ReceiverSetting s = product.effective(new ConfigSslReader(product, groups).read(configSsl));
        this.receiveSide = s.receiveSide();
        this.dhGroup = groups.resolve(s.dhGroup(), configSsl.toAbsolutePath().getParent());
        return self();
    }

    /** Where a sender connects (127.0.0.1 here; a network alias on a user-defined network). */
    public StackContainer withTarget(String host, int port) {
        this.targetHost = host;
        this.targetPort = port;
        return self();
    }

    public StackContainer withMaxProtocol(String protocol) {
        this.maxProtocol = protocol;
        return self();
    }

    /** The address a receiver binds (127.0.0.1 here; 0.0.0.0 on a user-defined Docker network). */
    public StackContainer withBind(String address) {
        this.bind = address;
        return self();
    }

    public StackContainer withHandshakeTimeout(Duration t) {
        this.timeout = t;
        return self();
    }

    @Override
    protected void configure() {
        String java = "/opt/hm/jre/bin/java";
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                "/opt/hm/lib/*", "io.handshakematrix.agent.StackAgent", "--profile", "/opt/hm/" + profile.id() + ".yaml",
                "--timeout-ms", Long.toString(timeout.toMillis())));
        if (receiver) {
            cmd.addAll(List.of("--listen", Integer.toString(port), "--bind", bind, "--suites",
                    String.join(":", product.receiveSideSuites().get(receiveSide))));
            if (dhGroup != null) {
                withCopyToContainer(Transferable.of(StackImages.pkcs3Pem(dhGroup)), DH_FILE);
                cmd.addAll(List.of("--dh", DH_FILE, "--dh-name", dhGroup.name()));
            }
        } else {
            if (targetHost == null) {
                throw new IllegalStateException("a sender needs withTarget(host, port)");
            }
            cmd.addAll(List.of("--connect", Integer.toString(targetPort), "--host", targetHost, "--protocol", maxProtocol));
        }
        withCommand(cmd.toArray(String[]::new));
    }

    /**
     * Starts the stack. A sender runs its one handshake here and throws, with the agent's reason, when it made none
     * (connection refused, no answer in time): an empty {@link #handshakes()} would hide why. Where Docker has no
     * bridge network and the Testcontainers variables are not set, it says in one line what to set.
     */
    @Override
    public void start() {
        try {
            super.start();
        } catch (RuntimeException e) {
            throw DockerSetup.explain(e);
        }
        if (!receiver && handshakes().isEmpty()) {
            throw new IllegalStateException(profile.id() + " sender made no handshake with " + targetHost + ":"
                    + targetPort + ": " + AgentOutput.reason(getLogs(OutputFrame.OutputType.STDOUT),
                    getLogs(OutputFrame.OutputType.STDERR)));
        }
    }

    /** Where the receiver listens. */
    @Override
    public String getHost() {
        return receiver ? bind : super.getHost();
    }

    public int getPort() {
        return port;
    }

    /** The profile this container runs. */
    public String stack() {
        return profile.id();
    }

    /** Every handshake seen so far, parsed from the agent's answer lines. */
    public List<Handshake> handshakes() {
        return AgentOutput.handshakes(getLogs(OutputFrame.OutputType.STDOUT));
    }

    /** The first handshake, waiting up to {@code max} for it. */
    public Handshake awaitHandshake(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (true) {
            List<Handshake> h = handshakes();
            if (!h.isEmpty()) {
                return h.get(0);
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException(profile.id() + " receiver on " + getHost() + ":" + port
                        + " saw no handshake within " + max.toSeconds() + " s (waited for a peer's ClientHello and the"
                        + " handshake's end; is the peer pointed at this host and port?)");
            }
            Thread.sleep(50);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** The stack's image, built (or found by its content tag) the first time Testcontainers asks for it. */
    private static final class ImageOnStart extends LazyFuture<String> {
        private final StackProfile profile;

        ImageOnStart(StackProfile profile) {
            this.profile = profile;
        }

        @Override
        protected String resolve() {
            return StackImages.ensure(profile);
        }
    }

    /** A one-shot container has started once it exited, whatever its exit code. */
    private static final class RanToTheEnd extends StartupCheckStrategy {
        @Override
        public StartupStatus checkStartupState(DockerClient docker, String containerId) {
            Boolean running = getCurrentState(docker, containerId).getRunning();
            return Boolean.FALSE.equals(running) ? StartupStatus.SUCCESSFUL : StartupStatus.NOT_YET_KNOWN;
        }
    }
}
