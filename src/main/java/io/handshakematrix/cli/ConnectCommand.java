package io.handshakematrix.cli;

import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.engine.wire.PeerBounds;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.yaml.InputError;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An emulated sender against a real TLS server, like `openssl s_client -msg` but with the profile's checks. */
@Command(name = "connect", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run an emulated sender against a real TLS server.",
        description = {"Connect an emulated sender stack to a real TLS server (openssl s_server, gnutls-serv, the",
            "product itself) and handshake as that stack would: its protocols, suites and DH checks, its alerts",
            "and error lines. Prints the records (>>> sent, <<< received), then the negotiated protocol, suite",
            "and 'Server Temp Key', or why the handshake stopped. Connects only where told."},
        footer = {"", "Exit codes: 0 handshake ok; 1 handshake failed; 2 bad input (nothing listening there, ...).", "",
            "Example: openssl s_server -accept 4433 -cert c.pem -key k.pem -dhparam dh1024.pem &",
            "         connect --stack rhel-7.7 --host 127.0.0.1 --port 4433"})
final class ConnectCommand implements Callable<Integer> {
    @Option(names = "--stack", paramLabel = "STACK", required = true, description = "sender profile, e.g. rhel-7.7")
    String stack;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "server address (default: ${DEFAULT-VALUE})")
    String host;

    @Option(names = "--port", paramLabel = "N", required = true, description = "server port")
    int port;

    @Mixin
    SenderKnobs knobs;

    @Option(names = "--sender-policy", paramLabel = "POLICY", defaultValue = io.handshakematrix.profile.CryptoPolicies.NEUTRAL,
            description = "this host's crypto policy (DEFAULT, LEGACY, FUTURE, FIPS, DEFAULT:SHA1, ...); stacks "
                    + "without policies take only DEFAULT (default: ${DEFAULT-VALUE}). The server's is its own business")
    String senderPolicy;

    @Option(names = "--hex", description = "also print each record's bytes")
    boolean hex;

    @Option(names = "--profiles", paramLabel = "DIR", description = "extra directory of stack profile *.yaml files")
    Path profilesDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "connect and read timeout (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "0",
            description = "the whole handshake's limit, beside the per-read --timeout (default 0: twice --timeout); "
                    + "a server that trickles bytes or sends endless records is cut off by it or by the record caps")
    int deadlineSeconds;

    @Override
    public Integer call() {
        ProfileCatalog profiles = ProfileCatalog.withDirectory(profilesDir);
        StackProfile profile = profiles.find(stack).orElseThrow(() -> new InputError("--stack", 0,
                "unknown stack '" + stack + "'; expected one of " + String.join(", ", profiles.ids())));
        knobs.validate();
        PolicyOptions.check("--sender-policy", stack, senderPolicy, profiles);
        profile = io.handshakematrix.matrix.CellSettings.underPolicy(profile, senderPolicy, profiles.policies());
        ServeCommand.checkPort(port, false);
        OptionRanges.check("--timeout", timeoutSeconds, 1, 3600, " seconds");
        OptionRanges.check("--deadline", deadlineSeconds, 0, 7200, " seconds");
        InetSocketAddress address = new InetSocketAddress(host, port);
        SideReport r;
        try (EmulatedEngine engine = new EmulatedEngine()) {
            PeerBounds bounds = PeerBounds.forTimeout(Duration.ofSeconds(timeoutSeconds));
            if (deadlineSeconds > 0) {
                bounds = bounds.withDeadline(Duration.ofSeconds(deadlineSeconds));
            }
            r = engine.connectTo(new SenderSpec(profile, knobs.protocol, knobs.minDhBits, Duration.ofSeconds(timeoutSeconds)),
                    address, hex, false, bounds);
        }
        if (r.harnessError() != null && r.transcript().isEmpty()) {
            throw new InputError(host + ":" + port, 0, r.harnessError() + "; expected a TLS server listening there");
        }
        System.out.println("CONNECTED(" + host + ":" + port + ") as " + profile.id() + " (" + profile.description() + ")");
        HandshakeText.transcript(System.out, r.transcript());
        // the same verdict function as a matrix cell, the peer judged from this side's view of the wire
        boolean ok = io.handshakematrix.runner.Verdicts.oneSide(r, io.handshakematrix.model.Side.SENDER).outcome()
                == io.handshakematrix.model.Outcome.OK;
        if (ok) {
            HandshakeText.negotiated(System.out, r);
        } else {
            if (r.tempKey() != null) {
                System.out.println("Server Temp Key: " + r.tempKey());
            }
            System.out.println("Result: " + HandshakeText.sideVerdict(r, "server"));
            HandshakeText.errors(System.out, profile.id() + " errors", r.errors());
        }
        return ok ? Main.OK : Main.DIFFERENCES;
    }
}
