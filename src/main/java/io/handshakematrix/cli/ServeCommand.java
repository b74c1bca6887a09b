package io.handshakematrix.cli;

import io.handshakematrix.model.Cell;
import io.handshakematrix.runner.CellSpecs;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.engine.wire.PeerBounds;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An emulated receiver that real clients connect to; every handshake is logged with its verdict. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run an emulated receiver for real clients, logging each handshake.",
        description = {"Run an emulated receiver stack as a TLS server for real clients (openssl s_client, a JDK,",
            "the product itself), with the product's settings from --config or --receive-side/--dh. Logs one",
            "line per handshake with its verdict as the receiver saw it, then the error lines. Binds only",
            "where told (default 127.0.0.1). After the handshake it answers 'PING' with 'PONG'."},
        footer = {"", "Runs until interrupted, or until --count handshakes ended.",
            "Exit codes (with --count): 0 every handshake ok; 1 some failed; 2 bad input (port in use, ...).", "",
            "Example: serve --stack rhel-6.10 --receive-side NO --dh 256 --port 4433",
            "         openssl s_client -connect 127.0.0.1:4433 -msg"})
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--stack", paramLabel = "STACK", required = true, description = "receiver profile, e.g. rhel-6.10")
    String stack;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "address to listen on (default: ${DEFAULT-VALUE})")
    String bind;

    @Option(names = "--port", paramLabel = "N", required = true, description = "port to listen on (0: any free port)")
    int port;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
            description = "stop after N handshakes (default: run until interrupted)")
    int count;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "32",
            description = "connections handled at once; one more is closed at once and logged as an error "
                    + "(default: ${DEFAULT-VALUE})")
    int maxConnections;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "0",
            description = "how long one connection may live, beside the per-read --timeout (default 0: twice "
                    + "--timeout); a slow or flooding client is cut off by it or by the record caps")
    int deadlineSeconds;

    @Option(names = "--suites", paramLabel = "product|default", defaultValue = "product",
            description = "product: the suites the product's settings enable (default); default: the stack's own "
                    + "DEFAULT list, in its order, as a stock s_server serves it")
    String suites;

    @Option(names = "--certificate", paramLabel = "rsa|ecdsa-p256", defaultValue = "rsa",
            description = "the receiver's certificate: RSA-2048 (default) or ECDSA on P-256 (ECDHE-ECDSA suites)")
    String certificate;

    @Mixin
    ReceiverSettingsOptions settings;

    @Option(names = "--receiver-policy", paramLabel = "POLICY", defaultValue = io.handshakematrix.profile.CryptoPolicies.NEUTRAL,
            description = "this host's crypto policy (DEFAULT, LEGACY, FUTURE, FIPS, DEFAULT:SHA1, ...); stacks "
                    + "without policies take only DEFAULT (default: ${DEFAULT-VALUE})")
    String receiverPolicy;

    @Override
    public Integer call() throws InterruptedException {
        OptionRanges.check("--max-connections", maxConnections, 1, 1024);
        OptionRanges.check("--deadline", deadlineSeconds, 0, 7200, " seconds");
        ReceiverSettingsOptions.Context ctx = settings.context();
        StackProfile profile = ctx.profiles().find(stack).orElseThrow(() -> new InputError("--stack", 0,
                "unknown stack '" + stack + "'; expected one of " + String.join(", ", ctx.profiles().ids())));
        checkPort(port, true);
        if (count < 0) {
            throw new InputError("--count", 0, "expected 0 (run until interrupted) or more, found " + count);
        }
        if (!suites.equals("product") && !suites.equals("default")) {
            throw new InputError("--suites", 0, "expected product or default, found '" + suites + "'");
        }
        if (!certificate.equals("rsa") && !certificate.equals("ecdsa-p256")) {
            throw new InputError("--certificate", 0, "expected rsa or ecdsa-p256, found '" + certificate + "'");
        }
        // The receiver's settings reach the engine as a cell's do (the sender half is unused here).
        PolicyOptions.check("--receiver-policy", stack, receiverPolicy, ctx.profiles());
        Cell cell = new Cell(stack, stack, ctx.setting().receiveSide(), ctx.setting().dhGroup(), "TLSv1.2", 0)
                .with(io.handshakematrix.matrix.CellSettings.RECEIVER_POLICY, receiverPolicy);
        ReceiverSpec spec = CellSpecs.of(cell, profile, profile, ReceiverSettingsOptions.settings(ctx.product()),
                ctx.groups(), null, ctx.timeout(), ctx.profiles().policies()).receiver();
        var refused = spec.groupRefusedAtLoad();
        if (refused.isPresent()) { // as the real server: it refuses the group when loading it and never listens
            refused.get().errorLines().forEach(System.err::println);
            System.err.println(stack + " under " + receiverPolicy + " refuses DH group " + spec.dhGroup().name()
                    + " at start (" + refused.get().source() + ")");
            return Main.DIFFERENCES;
        }
        if (suites.equals("default")) { // a stock s_server: the stack's own DEFAULT list
            spec = new ReceiverSpec(spec.profile(), ReceiverSpec.STACK_DEFAULT, spec.dhGroup(), spec.timeout());
        }
        spec = spec.withCertificate(io.handshakematrix.model.CertificateType.byLabel(certificate));
        var refusedCertificate = spec.certificateRefusedAtLoad();
        if (refusedCertificate.isPresent()) { // as the real server: SSL_CTX_use_certificate fails, it never listens
            refusedCertificate.get().errorLines().forEach(System.err::println);
            System.err.println(stack + " under " + receiverPolicy + " refuses its own " + certificate
                    + " certificate at start (" + refusedCertificate.get().source() + ")");
            return Main.DIFFERENCES;
        }
        InetSocketAddress address = new InetSocketAddress(address(bind), port);
        CountDownLatch done = new CountDownLatch(count == 0 ? 1 : count);
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (EmulatedEngine engine = new EmulatedEngine();
             EmulatedEngine.ReceiverService service = bind(engine, spec, address, bounds(ctx), (peer, report) -> {
                 log(seen.incrementAndGet(), peer, report, failed);
                 if (count > 0) {
                     done.countDown();
                 }
             })) {
            System.out.println("serving " + profile.id() + " (" + profile.description() + ") on "
                    + service.address().getHostString() + ":" + service.address().getPort() + "; " + ctx.setting().why()
                    + "; suites " + (suites.equals("default") ? "DEFAULT (the stack's own list)"
                    : String.join(":", spec.cipherSuites())) + "; " + certificate + " certificate; DH " + spec.dhGroup());
            System.out.flush();
            done.await();
        }
        return failed.get() == 0 ? Main.OK : Main.DIFFERENCES;
    }

    private PeerBounds bounds(ReceiverSettingsOptions.Context ctx) {
        PeerBounds b = PeerBounds.forTimeout(ctx.timeout());
        return deadlineSeconds > 0 ? b.withDeadline(java.time.Duration.ofSeconds(deadlineSeconds)) : b;
    }

    private EmulatedEngine.ReceiverService bind(EmulatedEngine engine, ReceiverSpec spec, InetSocketAddress a,
            PeerBounds bounds, java.util.function.BiConsumer<InetSocketAddress, SideReport> onHandshake) {
        try {
            return engine.serveMany(spec, a, onHandshake, bounds, maxConnections);
        } catch (IOException e) {
            throw new InputError(a.getHostString() + ":" + a.getPort(), 0, "cannot listen (" + e.getMessage()
                    + "); expected a free port on a local address");
        }
    }

    /** One line per handshake, whole, so concurrent handshakes do not interleave. */
    private static void log(int n, InetSocketAddress peer, SideReport r, AtomicInteger failed) {
        // the same verdict function as a matrix cell, the peer judged from this side's view of the wire
        boolean ok = io.handshakematrix.runner.Verdicts.oneSide(r, io.handshakematrix.model.Side.RECEIVER).outcome()
                == io.handshakematrix.model.Outcome.OK;
        if (!ok) {
            failed.incrementAndGet();
        }
        StringBuilder sb = new StringBuilder("#" + n + " " + peer.getHostString() + ":" + peer.getPort() + " "
                + HandshakeText.sideVerdict(r, "client"));
        r.errors().forEach(l -> sb.append(System.lineSeparator()).append("    ").append(l));
        synchronized (System.out) {
            System.out.println(sb);
            System.out.flush();
        }
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new InputError("--bind", 0, "cannot resolve '" + host + "'; expected a local address such as 127.0.0.1");
        }
    }

    static void checkPort(int port, boolean zeroAllowed) {
        if (port < (zeroAllowed ? 0 : 1) || port > 65535) {
            throw new InputError("--port", 0, "expected " + (zeroAllowed ? 0 : 1) + " to 65535, found " + port);
        }
    }
}
