package io.handshakematrix.engine.jvm;

import io.handshakematrix.engine.ServerIdentity;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.NoAnswerException;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.UnsupportedSettingException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntFunction;

/**
 * Real Java TLS stacks (the JDK's JSSE, BCJSSE over bc-fips) as senders and receivers, each profile in its
 * own child JVM so that its java.security is its own. A child starts on the first cell that needs it and
 * serves every later cell of the run over the shim protocol (see {@link ShimProcess} for the messages), unless
 * it hangs (its cell is a {@code timeout}) or breaks (an {@code error}): then a fresh child serves the later cells.
 */
public final class JvmEngine implements Engine {
    public static final String NAME = "jvm";
    /** A busy child may answer late (CPU shared with other cells and JVMs): this much beyond its own timeouts. */
    private static final Duration MAX_SLACK = Duration.ofSeconds(30);

    private final ServerIdentity identity = ServerIdentity.generate(new SecureRandom());
    private final ShimLayout layout = ShimLayout.locate();
    private final IntFunction<Optional<Path>> runtimes;
    private final Map<String, CompletableFuture<ShimProcess>> children = new HashMap<>();
    private final List<CompletableFuture<ShimProcess>> started = new ArrayList<>();

    public JvmEngine() {
        this(JavaRuntimes::find);
    }

    /** {@code runtimes}: the {@code bin/java} of a feature release (tests put a wrapper in front of it). */
    JvmEngine(IntFunction<Optional<Path>> runtimes) {
        this.runtimes = runtimes;
    }

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
        if (runtimes.apply(launch.runtime()).isEmpty()) {
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
            first = answer(spec.profile(), "receiver", child, req, listenWithin, " (waiting for it to listen)");
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
                return JvmSideReports.from(answer(spec.profile(), "receiver", child, req, within,
                        " after the sender finished"), true, spec.dhGroup(), spec.profile());
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
            return JvmSideReports.from(answer(spec.profile(), "sender", child, req, within, ""), false, null,
                    spec.profile());
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

    /**
     * {@code req}'s next answer, or {@link NoAnswerException} naming the {@code role}'s child if none came
     * {@code within}; a child this left hung or broken is replaced for the next cells.
     */
    private ShimAnswer answer(StackProfile profile, String role, ShimProcess child, ShimProcess.Request req,
                              Duration within, String when) throws InterruptedException {
        Optional<ShimAnswer> a = req.next(within);
        if (!child.usable()) {
            replace(profile, child);
        }
        return a.orElseThrow(() -> new NoAnswerException("the " + profile.id() + " " + role + "'s child JVM (pid "
                + child.pid() + ") gave no answer within " + within.toSeconds() + " s" + when + ": it hangs, so it "
                + "is retired and later cells get a new one"));
    }

    /**
     * The profile's child JVM, started on first use and again after one hung or broke (see
     * {@link ShimProcess.Request}); a child that failed to start is not retried. The wait for a child that is
     * starting is outside the lock, so cells of other profiles go on meanwhile.
     */
    private ShimProcess child(StackProfile profile) throws IOException {
        CompletableFuture<ShimProcess> f;
        synchronized (this) {
            f = children.get(profile.id());
            if (f == null || f.isDone() && !f.isCompletedExceptionally() && !f.join().usable()) {
                f = start(profile); // hung, broken or exited: its cell was told; this one gets a fresh child
            }
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * After {@code child} hung or broke: its replacement starts now, in the background, so that the next cell
     * finds it ready. Started lazily instead, its cold start would run inside that cell's connect, after the
     * receiver began listening, and eat into the receiver's accept timeout.
     */
    private synchronized void replace(StackProfile profile, ShimProcess child) {
        CompletableFuture<ShimProcess> f = children.get(profile.id());
        if (f != null && f.isDone() && !f.isCompletedExceptionally() && f.join() == child) {
            start(profile);
        }
    }

    private synchronized CompletableFuture<ShimProcess> start(StackProfile profile) {
        JvmLaunch launch = profile.jvm();
        CompletableFuture<ShimProcess> f = CompletableFuture.supplyAsync(() -> {
            StringBuilder why = new StringBuilder();
            Optional<Path> java = runtimes.apply(launch.runtime());
            Optional<String> cp = layout.classpath(launch.provider(), why);
            try {
                if (java.isEmpty() || cp.isEmpty()) {
                    throw new IOException(java.isEmpty() ? "no Java " + launch.runtime() : why.toString());
                }
                return ShimProcess.start(profile.id(), java.get(), cp.get(), launch, identity);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        }, r -> {
            Thread t = new Thread(r, "jvm-child-start " + profile.id());
            t.setDaemon(true);
            t.start();
        });
        children.put(profile.id(), f);
        started.add(f);
        return f;
    }

    /** The pid of the profile's current child JVM, once it started (tests stop and kill it). */
    Optional<Long> childPid(String profileId) {
        CompletableFuture<ShimProcess> f;
        synchronized (this) {
            f = children.get(profileId);
        }
        return f == null ? Optional.empty() : Optional.of(f.join().pid());
    }

    @Override
    public synchronized void close() {
        // retired children too: one may still wait for its last request; one still starting is closed once up
        started.forEach(f -> f.thenAccept(ShimProcess::close));
        started.clear();
        children.clear();
    }
}
