package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.ServerIdentity;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.wire.PeerBounds;
import io.handshakematrix.engine.wire.RecordTranscript;
import io.handshakematrix.engine.wire.TappedSocketStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.StackProfile;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;

/**
 * Stack profiles run in-process on BouncyCastle TLS, over real TCP sockets on 127.0.0.1.
 * After the handshake the sender sends a "secure ping" and the receiver answers it.
 */
public final class EmulatedEngine implements Engine {
    // A line, so that a real receiver can answer it too: `openssl s_server -rev` replies per line (container tier).
    private static final byte[] PING = "PING\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PONG = "PONG".getBytes(StandardCharsets.US_ASCII);

    private final RawDhCrypto crypto;
    private final ServerIdentity identity;
    private final org.bouncycastle.tls.Certificate chain;
    private final ServerIdentity ecdsaIdentity;
    private final org.bouncycastle.tls.Certificate ecdsaChain;
    private final ExecutorService receivers;
    private final ServerMisbehaviour misbehaviour;

    public EmulatedEngine() {
        this(ServerMisbehaviour.HONEST);
    }

    /** An engine whose receivers misbehave as {@code misbehaviour} says (hostile-parameter tests only). */
    public EmulatedEngine(ServerMisbehaviour misbehaviour) {
        this.misbehaviour = misbehaviour;
        SecureRandom random = new SecureRandom();
        this.crypto = new RawDhCrypto(random);
        this.identity = ServerIdentity.generate(random);
        this.chain = EmulatedServer.chainOf(crypto, identity);
        this.ecdsaIdentity = ServerIdentity.generateEcdsaP256(random);
        this.ecdsaChain = EmulatedServer.chainOf(crypto, ecdsaIdentity);
        AtomicInteger n = new AtomicInteger();
        this.receivers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "emulated-receiver-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return "emulated";
    }

    /** This run's receiver key and certificate (tests check the key never reaches a report). */
    ServerIdentity identity() {
        return identity;
    }

    @Override
    public Optional<String> cannotRun(StackProfile profile, Side role, String protocol) {
        if (protocol.equals("SSLv3")) {
            return Optional.of("SSLv3 is not emulated (BouncyCastle TLS has no SSLv3)");
        }
        return Optional.empty();
    }

    @Override
    public RunningReceiver serve(ReceiverSpec spec) throws IOException {
        spec.requireServableGroup();
        ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        int timeoutMs = (int) spec.timeout().toMillis();
        ss.setSoTimeout(timeoutMs);
        Future<SideReport> result = receivers.submit(() -> receiveOne(ss, spec, timeoutMs));
        return new RunningReceiver() {
            @Override
            public InetSocketAddress address() {
                return (InetSocketAddress) ss.getLocalSocketAddress();
            }

            @Override
            public SideReport await() throws InterruptedException {
                try {
                    return result.get(2L * timeoutMs + 1000, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    SideLog log = new SideLog();
                    log.harnessError("receiver crashed: " + e.getCause());
                    return log.freeze(java.util.List.of());
                } catch (TimeoutException e) {
                    result.cancel(true);
                    SideLog log = new SideLog();
                    log.timedOut();
                    return log.freeze(java.util.List.of());
                }
            }

            @Override
            public void close() {
                try {
                    ss.close();
                } catch (IOException ignored) {
                    // closing a listening socket cannot lose data
                }
            }
        };
    }

    private SideReport receiveOne(ServerSocket ss, ReceiverSpec spec, int timeoutMs) {
        try (ServerSocket listening = ss; Socket s = listening.accept()) {
            return handleConnection(s, spec, timeoutMs, PeerBounds.forTimeout(spec.timeout()), false);
        } catch (SocketTimeoutException e) {
            SideLog log = new SideLog();
            log.timedOut(); // nobody connected
            return log.freeze(java.util.List.of());
        } catch (IOException e) {
            SideLog log = new SideLog();
            log.harnessError("receiver socket: " + e);
            return log.freeze(java.util.List.of());
        }
    }

    /**
     * One accepted connection: handshake, answer the secure ping if the peer sends one, report. {@code bounds}: the
     * connection's deadline and caps; {@code silentIsError}: a client that never sent a TLS record (a port scan,
     * a health check's bare connect) is a harness {@code error}, not a stack's {@code fail} (the serve command).
     */
    private SideReport handleConnection(Socket s, ReceiverSpec spec, int timeoutMs, PeerBounds bounds,
                                        boolean silentIsError) {
        SideLog log = new SideLog();
        RecordTranscript transcript = new RecordTranscript(false);
        java.util.Optional<io.handshakematrix.profile.ServerDhRule> refused = spec.groupRefusedAtLoad();
        if (refused.isPresent()) {
            return refuseToLoad(s, refused.get().when().yamlName(), refused.get().errorLines(), log);
        }
        java.util.Optional<io.handshakematrix.profile.ServerCertificateRule> certificate = spec.certificateRefusedAtLoad();
        if (certificate.isPresent()) {
            return refuseToLoad(s, io.handshakematrix.profile.ServerCertificateRule.NAME, certificate.get().errorLines(), log);
        }
        try (PeerBounds.Guard guard = bounds.guard(s, timeoutMs)) {
            s.setSoTimeout(timeoutMs);
            s.setTcpNoDelay(true);
            boolean ecdsa = spec.certificate() == io.handshakematrix.model.CertificateType.ECDSA_P256;
            EmulatedServer server = new EmulatedServer(crypto, spec, ecdsa ? ecdsaIdentity : identity,
                    ecdsa ? ecdsaChain : chain, log, misbehaviour);
            LoggingProtocols.Server protocol = new LoggingProtocols.Server(
                    new ObservedInput(guard, log, transcript),
                    TappedSocketStreams.output(s.getOutputStream(), transcript), log).withHelloOrder(server.helloOrder())
                    .acceptingRenegotiation(spec.profile().serverHello() != null
                            && spec.profile().serverHello().acceptRenegotiation());
            try {
                protocol.accept(server);
                byte[] ping = protocol.getInputStream().readNBytes(PONG.length);
                protocol.getOutputStream().write(PONG);
                protocol.getOutputStream().flush();
                protocol.close();
            } catch (IOException | RuntimeException e) {
                classifyFailure(log, e, transcript);
                if (silentIsError && !guard.sentARecord() && !log.isCompleted()) {
                    log.harnessError("the client sent no TLS record (" + guard.bytes() + " bytes, then "
                            + (log.isPeerClosed() ? "it closed the connection" : "silence") + "): not a TLS handshake");
                }
            }
            server.events().peerClosedIfSo();
        } catch (SocketTimeoutException e) {
            log.timedOut();
        } catch (IOException e) {
            log.harnessError("receiver socket: " + e);
        }
        return log.freeze(transcript.lines(), transcript.events());
    }

    /**
     * A receiver whose stack refused its DH group or its certificate when loading it (OpenSSL 1.1.1+ under a
     * security level): the
     * real process exits before it listens, printing its load line. The harness's socket already accepted, so it
     * takes in what the client sent (a close with unread bytes would be a reset, which the real client never
     * sees) and closes without a byte: the sender meets a peer that is gone, as against a receiver that died.
     */
    private static SideReport refuseToLoad(Socket s, String rule, java.util.List<String> errorLines, SideLog log) {
        log.gaveUp(rule, errorLines);
        log.muteAlerts();
        try {
            s.setSoTimeout(200);
            s.getInputStream().read(new byte[16_384]);
        } catch (IOException ignored) {
            // nothing sent in time, or the client gave up first: the receiver's end is the same
        }
        return log.freeze(java.util.List.of());
    }

    /**
     * A receiver for real clients (the serve command): listens on {@code bind} until closed and handles
     * each connection on its own thread, reporting every handshake to {@code onHandshake}. Unlike
     * {@link #serve}, it binds where the user says; a busy port is a BindException for the caller.
     */
    public ReceiverService serveMany(ReceiverSpec spec, InetSocketAddress bind,
                                     java.util.function.BiConsumer<InetSocketAddress, SideReport> onHandshake)
            throws IOException {
        return serveMany(spec, bind, onHandshake, PeerBounds.forTimeout(spec.timeout()), 32);
    }

    /**
     * As above, with each connection's {@code bounds} and at most {@code maxConnections} open at once: one more is
     * closed at once and reported as an {@code error} (so 50 slowloris clients cannot take every thread).
     */
    public ReceiverService serveMany(ReceiverSpec spec, InetSocketAddress bind,
                                     java.util.function.BiConsumer<InetSocketAddress, SideReport> onHandshake,
                                     PeerBounds bounds, int maxConnections) throws IOException {
        java.util.concurrent.Semaphore open = new java.util.concurrent.Semaphore(maxConnections);
        ServerSocket ss = new ServerSocket();
        try {
            ss.bind(bind, 50);
        } catch (IOException e) {
            ss.close();
            throw e;
        }
        int timeoutMs = (int) spec.timeout().toMillis();
        receivers.submit(() -> {
            while (!ss.isClosed()) {
                Socket s;
                try {
                    s = ss.accept();
                } catch (IOException e) {
                    return; // closed
                }
                if (!open.tryAcquire()) {
                    try (Socket refused = s) {
                        SideLog busy = new SideLog();
                        busy.harnessError("refused: " + maxConnections + " connections already open (the limit)");
                        onHandshake.accept((InetSocketAddress) refused.getRemoteSocketAddress(), busy.freeze(java.util.List.of()));
                    } catch (IOException ignored) {
                        // closing a refused socket cannot lose a report: it was delivered above
                    }
                    continue;
                }
                receivers.submit(() -> {
                    try (Socket conn = s) {
                        onHandshake.accept((InetSocketAddress) conn.getRemoteSocketAddress(),
                                handleConnection(conn, spec, timeoutMs, bounds, true));
                    } catch (IOException ignored) {
                        // closing an accepted socket cannot lose a report: it was delivered above
                    } finally {
                        open.release();
                    }
                });
            }
        });
        return new ReceiverService(ss);
    }

    /** A listening multi-connection receiver; closing it stops accepting. */
    public static final class ReceiverService implements AutoCloseable {
        private final ServerSocket socket;

        ReceiverService(ServerSocket socket) {
            this.socket = socket;
        }

        public InetSocketAddress address() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a listening socket cannot lose data
            }
        }
    }

    @Override
    public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
        return connect(spec, receiver, false);
    }

    /** Matrix cells only ever talk to a receiver this harness started on loopback. */
    @Override
    public SideReport connect(SenderSpec spec, InetSocketAddress receiver, boolean hexTranscript) {
        if (!receiver.getAddress().isLoopbackAddress()) {
            SideLog log = new SideLog();
            log.harnessError("refusing to connect to non-loopback " + receiver);
            return log.freeze(java.util.List.of());
        }
        return connectTo(spec, receiver, hexTranscript, true);
    }

    /**
     * The sender against any TLS server the user names (the connect command), with the profile's checks;
     * {@code hexTranscript} adds each record's bytes to the transcript. {@code securePing}: send PING and
     * wait for PONG (only this harness's receivers answer it; a real server gets a close_notify instead).
     */
    public SideReport connectTo(SenderSpec spec, InetSocketAddress receiver, boolean hexTranscript,
                                boolean securePing) {
        return connectTo(spec, receiver, hexTranscript, securePing, PeerBounds.forTimeout(spec.timeout()));
    }

    /** As above, within {@code bounds}: the connection's total deadline and caps on what the server may send. */
    public SideReport connectTo(SenderSpec spec, InetSocketAddress receiver, boolean hexTranscript,
                                boolean securePing, PeerBounds bounds) {
        SideLog log = new SideLog();
        RecordTranscript transcript = new RecordTranscript(hexTranscript);
        if (receiver.isUnresolved()) {
            log.harnessError("cannot resolve " + receiver.getHostString());
            return log.freeze(java.util.List.of());
        }
        int timeoutMs = (int) spec.timeout().toMillis();
        try (Socket s = new Socket()) {
            s.connect(receiver, timeoutMs);
            s.setSoTimeout(timeoutMs);
            s.setTcpNoDelay(true);
            PeerBounds.Guard guard = bounds.guard(s, timeoutMs); // closed with the socket; its watchdog is cancelled below
            EmulatedClient client = new EmulatedClient(crypto, spec, log);
            OutputStream wire = TappedSocketStreams.output(s.getOutputStream(), transcript);
            ObservedInput input = new ObservedInput(guard, log, transcript,
                    () -> alertOnPeerClose(spec.profile().client().log().peerClosedAlert(), log, wire));
            LoggingProtocols.Client protocol = new LoggingProtocols.Client(input,
                    FirstRecordVersion.wrap(wire, client.recordVersion()), log).withHelloOrder(client.helloOrder());
            try {
                protocol.connect(client);
                if (securePing) {
                    OutputStream out = protocol.getOutputStream();
                    out.write(PING);
                    out.flush();
                    InputStream in = protocol.getInputStream();
                    byte[] pong = in.readNBytes(PONG.length);
                    if (pong.length != PONG.length) {
                        log.error(java.util.List.of("(no answer to the secure ping)"));
                    }
                }
                protocol.close();
            } catch (IOException | RuntimeException e) {
                classifyFailure(log, e, transcript);
            } finally {
                guard.close();
            }
            client.events().peerClosedIfSo();
        } catch (SocketTimeoutException e) {
            log.timedOut();
        } catch (IOException e) {
            log.harnessError("cannot connect to receiver " + receiver + ": " + e.getMessage());
        }
        return log.freeze(transcript.lines(), transcript.events());
    }

    /**
     * A client whose peer closed during the handshake without a byte more, where the profile says its stack answers
     * that with an alert (OpenSSL 3.0: ssl3_read_n raises "unexpected eof while reading" as a fatal decode_error and
     * writes it; real 3.0.20 s_client does, 1.1.1w does not: docs/stacks.md 'Policy twins'). Run at the end of stream,
     * before BouncyCastle closes the socket; BouncyCastle would send handshake_failure, so alerts are muted at the
     * close and the record is written here. The real client counts the alert as sent even when the closed peer never
     * reads it, so a failed write changes nothing.
     */
    private static void alertOnPeerClose(Integer alert, SideLog log, OutputStream wire) {
        if (alert == null || !log.isPeerClosed() || log.isCompleted() || log.hasGivenUp()) {
            return;
        }
        log.alertSent(alert);
        try {
            wire.write(new byte[] {21, 3, 3, 0, 2, 2, (byte) (int) alert}); // RFC 5246 6.2.1 / 7.2: fatal (2)
            wire.flush();
        } catch (IOException ignored) {
            // the peer is gone (reset): the real stack's write fails the same way, its alert is still the one it raised
        }
    }

    /** Alerts and checks were logged as they happened; only what nobody logged is a harness problem. */
    private static void classifyFailure(SideLog log, Exception e, RecordTranscript transcript) {
        if (PeerBounds.exceededIn(e) != null) {
            log.harnessError(PeerBounds.exceededIn(e).getMessage()); // a bound of ours, not the stack's verdict
            return;
        }
        if (transcript.nonTlsReceived().isPresent()) {
            // Not a stack's verdict: whatever answered is not TLS (another service on the port, a broken peer).
            log.harnessError("the peer does not speak TLS: it sent " + transcript.nonTlsReceived().get()
                    + " where a TLS record belongs");
            return;
        }
        if (e instanceof TlsFatalAlertReceived || e instanceof TlsFatalAlert) {
            return;
        }
        if (e instanceof SocketTimeoutException) {
            log.timedOut();
            return;
        }
        if (log.isPeerClosed() || log.hasGivenUp()) {
            return;
        }
        if (e instanceof IOException) {
            log.peerClosed(); // e.g. reset by the peer while writing
            return;
        }
        log.harnessError("emulator: " + e);
    }

    @Override
    public void close() {
        receivers.shutdownNow();
    }
}
