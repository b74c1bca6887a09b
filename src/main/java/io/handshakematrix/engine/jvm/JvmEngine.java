package io.handshakematrix.engine.jvm;

import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.UnsupportedSettingException;
import io.handshakematrix.engine.emulated.ServerIdentity;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.shim.ShimConnection;
import io.handshakematrix.engine.shim.ShimSettings;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.JvmLaunch;
import io.handshakematrix.profile.StackProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Real Java TLS stacks (the JDK's JSSE, BCJSSE over bc-fips) as senders and receivers, each profile in its
 * own child JVM so that its java.security is its own. A child starts on the first cell that needs it and
 * serves every later cell of the run over the shim protocol (see {@link ShimProcess} for the messages).
 */
public final class JvmEngine implements Engine {
    public static final String NAME = "jvm";
    private static final Duration ANSWER_SLACK = Duration.ofSeconds(30); // a busy child may answer late

    private final ServerIdentity identity = ServerIdentity.generate(new SecureRandom());
    private final ShimLayout layout = ShimLayout.locate();
    private final Map<String, ShimProcess> children = new HashMap<>();
    private final Map<String, String> failedToStart = new HashMap<>();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> cannotRun(StackProfile profile, Side role, String protocol) {
        JvmLaunch launch = profile.jvm();
        if (launch == null) {
            return Optional.of(profile.id() + " has no jvm block: it exists only emulated");
        }
        if (JavaRuntimes.find(launch.runtime()).isEmpty()) {
            return Optional.of("no Java " + launch.runtime() + " on this machine (looked at java.home, $JAVA_HOME, /usr/lib/jvm)");
        }
        StringBuilder why = new StringBuilder();
        if (layout.classpath(launch.provider(), why).isEmpty()) {
            return Optional.of(why.toString());
        }
        return Optional.empty();
    }

    @Override
    public RunningReceiver serve(ReceiverSpec spec) throws IOException {
        spec.requireRsaCertificate("jvm");
        spec.requireServableGroup();
        ShimProcess child = child(spec.profile());
        ShimConnection.Exchange ex = child.send(new ShimSettings(ShimSettings.RECEIVER, "127.0.0.1", 0, "TLSv1.2",
                spec.cipherSuites(), null, 0, spec.timeout().toMillis(), Map.of()));
        ShimAnswer first = await(ex, spec.timeout());
        switch (first.event()) {
            case ShimAnswer.LISTENING -> { }
            case ShimAnswer.UNSUPPORTED -> throw new UnsupportedSettingException(spec.profile().id() + ": " + first.reason());
            default -> throw new IOException(spec.profile().id() + " receiver: " + first.reason());
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), first.port());
        return new RunningReceiver() {
            @Override
            public InetSocketAddress address() {
                return address;
            }

            @Override
            public SideReport await() throws InterruptedException {
                return JvmSideReports.from(ex.next(spec.timeout().multipliedBy(2).plus(ANSWER_SLACK)), true,
                        spec.dhGroup());
            }

            @Override
            public void close() {
                // the child closes its listening socket itself once its one handshake ended or timed out
            }
        };
    }

    @Override
    public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
        if (!receiver.getAddress().isLoopbackAddress()) {
            SideLog log = new SideLog();
            log.harnessError("refusing to connect to non-loopback " + receiver);
            return log.freeze(List.of());
        }
        try {
            ShimProcess child = child(spec.profile());
            ShimConnection.Exchange ex = child.send(new ShimSettings(ShimSettings.SENDER, "127.0.0.1",
                    receiver.getPort(), spec.maxProtocol(), List.of(), null, 0, spec.timeout().toMillis(), Map.of()));
            return JvmSideReports.from(ex.next(spec.timeout().multipliedBy(2).plus(ANSWER_SLACK)), false, null);
        } catch (IOException e) {
            SideLog log = new SideLog();
            log.harnessError(e.getMessage());
            return log.freeze(List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            SideLog log = new SideLog();
            log.harnessError("interrupted");
            return log.freeze(List.of());
        }
    }

    private static ShimAnswer await(ShimConnection.Exchange ex, Duration timeout) throws IOException {
        try {
            return ex.next(timeout.plus(ANSWER_SLACK));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /** The profile's child JVM, started on first use; a child that failed to start is not retried. */
    private synchronized ShimProcess child(StackProfile profile) throws IOException {
        ShimProcess p = children.get(profile.id());
        if (p != null) {
            return p;
        }
        if (failedToStart.containsKey(profile.id())) {
            throw new IOException(failedToStart.get(profile.id()));
        }
        JvmLaunch launch = profile.jvm();
        StringBuilder why = new StringBuilder();
        Optional<Path> java = JavaRuntimes.find(launch.runtime());
        Optional<String> cp = layout.classpath(launch.provider(), why);
        try {
            if (java.isEmpty() || cp.isEmpty()) {
                throw new IOException(java.isEmpty() ? "no Java " + launch.runtime() : why.toString());
            }
            p = ShimProcess.start(profile.id(), java.get(), cp.get(), launch, identity);
        } catch (IOException e) {
            failedToStart.put(profile.id(), e.getMessage());
            throw e;
        }
        children.put(profile.id(), p);
        return p;
    }

    @Override
    public synchronized void close() {
        children.values().forEach(ShimProcess::close);
        children.clear();
    }
}
