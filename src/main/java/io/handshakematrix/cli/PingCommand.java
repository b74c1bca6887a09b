package io.handshakematrix.cli;

import io.handshakematrix.diagnose.Explainer;
import io.handshakematrix.diagnose.FixFinder;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.runner.CellRunner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** One handshake between two stacks, printed like `openssl s_client -msg`, with the diagnosis if it fails. */
@Command(name = "ping", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"One real TLS handshake on 127.0.0.1 between a sender and a receiver, then a secure ping.",
            "Prints each record as the sender saw it (>>> sent, <<< received: record version, message, length),",
            "the negotiated protocol, suite and 'Server Temp Key: DH, N bits', or where it stopped, the alert",
            "and both sides' error lines, followed by why and the verified one-line fixes."},
        footer = {"", "Exit codes: 0 handshake ok; 1 handshake failed; 2 bad input.", "",
            "Examples:",
            "  ping --sender rhel-7.7 --receiver rhel-6.10 --receive-side NO --dh 256-g1",
            "  ping --sender rhel-7.7 --receiver rhel-6.10 --config examples/configssl.cnf --hex"})
final class PingCommand implements Callable<Integer> {
    @Option(names = "--sender", paramLabel = "STACK", required = true, description = "sender (TLS client) stack, e.g. rhel-7.7")
    String sender;

    @Mixin
    PeerOptions peer;

    @Mixin
    ReceiverSettingsOptions settings;

    @Option(names = "--hex", description = "also print each record's bytes")
    boolean hex;

    @Option(names = "--no-diagnose", description = "do not explain a failure or try fixes")
    boolean noDiagnose;

    @Override
    public Integer call() {
        try (EngineRegistry engines = Engines.standard()) {
            ReceiverSettingsOptions.Context ctx = settings.context();
            CellRunner runner = peer.runner(engines, ctx, List.of(sender));
            Cell cell = peer.cell(sender, ctx.setting(), ctx.profiles());
            System.out.println("PING " + cell.displayName());
            System.out.println("receiver settings: " + ctx.setting().why());
            HandshakeResult r = runner.run(cell, hex);
            HandshakeText.transcript(System.out, r.transcript());
            HandshakeText.result(System.out, r);
            if (r.outcome() == Outcome.FAIL && !noDiagnose) {
                System.out.println("---");
                HandshakeText.diagnosis(System.out, new Explainer(runner).explain(cell, r),
                        new FixFinder(runner, ctx.product()), ctx.product(), cell, r, ctx.config());
            }
            return r.outcome() == Outcome.OK ? Main.OK : Main.DIFFERENCES;
        }
    }
}
