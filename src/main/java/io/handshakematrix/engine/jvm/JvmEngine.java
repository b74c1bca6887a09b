package io.handshakematrix.engine.jvm;

import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.NoAnswerException;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.UnsupportedSettingException;
import io.handshakematrix.engine.emulated.ServerIdentity;
import io.handshakematrix.engine.shim.ShimAnswer;
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
import java.util.ArrayList;
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
    /** A busy child may answer late (CPU shared with other cells and JVMs): this much beyond its own timeouts. */
    private static final Duration MAX_SLACK = Duration.ofSeconds(30);

    private final ServerIdentity identity = ServerIdentity.generate(new SecureRandom());
    private final ShimLayout layout = ShimLayout.locate();
    private final Map<String, ShimProcess> children = new HashMap<>();
    private final List<ShimProcess> started = new ArrayList<>();
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
        ShimProcess.Request req = child.send(new ShimSettings(ShimSettings.RECEIVER, "127.0.0.1", 0, "TLSv1.2",
                spec.cipherSuites(), null, 0, spec.timeout().toMillis(), Map.of()));
        Duration listenWithin = spec.timeout().plus(slack(spec.timeout()));
        ShimAnswer first;
        try {
            first = req.next(listenWithin).orElseThrow(() -> hung(spec.profile(), "receiver", child, listenWithin,
                    " (waiting for it to listen)"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
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
                // The sender is done by now, so the child's handshake ends within its own timeout (or it already
                // answered: its accept timed out while a hung sender never connected).
                Duration within = spec.timeout().plus(slack(spec.timeout()));
                return JvmSideReports.from(req.next(within).orElseThrow(() -> hung(spec.profile(), "receiver", child,
                        within, " after the sender finished")), true, spec.dhGroup());
            }

            @Override
            public void close() {
                // the child closes its listening socket itself once its one handshake ended or timed out; a
                // receiver nobody awaited (the sender hung) must not keep its child counted as busy
                req.close();
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
            ShimProcess.Request req = child.send(new ShimSettings(ShimSettings.SENDER, "127.0.0.1",
                    receiver.getPort(), spec.maxProtocol(), List.of(), null, 0, spec.timeout().toMillis(), Map.of()));
            // connect, then each read bounded by the timeout: a TLS 1.2 client's two flights
            Duration within = spec.timeout().multipliedBy(2).plus(slack(spec.timeout()));
            return JvmSideReports.from(req.next(within).orElseThrow(() -> hung(spec.profile(), "sender", child, within,
                    "")), false, null);
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

    /**
     * How much later than its own timeouts a child may answer before it counts as hung: half the timeout plus
     * 2 s, at most {@link #MAX_SLACK}. Bounded by the timeout so that every wait of a cell, even with one side
     * hung, ends inside the runner's hard limit per cell (3 timeouts + 5 s, CellRunner.hardLimit): this engine
     * then reports the hang itself, naming the child, and retires the child so that later cells get a new one.
     * (A sender that hangs: 2 T + slack; a receiver that hangs after listening: the sender's T, then T + slack.)
     */
    static Duration slack(Duration timeout) {
        Duration s = timeout.dividedBy(2).plusSeconds(2);
        return s.compareTo(MAX_SLACK) > 0 ? MAX_SLACK : s;
    }

    private static NoAnswerException hung(StackProfile profile, String role, ShimProcess child, Duration within,
                                          String when) {
        return new NoAnswerException("the " + profile.id() + " " + role + "'s child JVM (pid " + child.pid()
                + ") gave no answer within " + within.toSeconds() + " s" + when + ": it hangs, so it is retired "
                + "and later cells get a new one");
    }

    /**
     * The profile's child JVM, started on first use and again after one hung or broke (see
     * {@link ShimProcess.Request}); a child that failed to start is not retried.
     */
    private synchronized ShimProcess child(StackProfile profile) throws IOException {
        ShimProcess p = children.get(profile.id());
        if (p != null && p.usable()) {
            return p;
        }
        children.remove(profile.id()); // hung, broken or exited: its cell was told; this one gets a fresh child
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
        started.add(p);
        return p;
    }

    /** The pid of the profile's current child JVM, if one runs (tests stop and kill it). */
    synchronized Optional<Long> childPid(String profileId) {
        return Optional.ofNullable(children.get(profileId)).map(ShimProcess::pid);
    }

    @Override
    public synchronized void close() {
        started.forEach(ShimProcess::close); // retired ones too: one may still wait for its last request
        started.clear();
        children.clear();
    }
}
