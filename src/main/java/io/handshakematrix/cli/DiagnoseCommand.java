package io.handshakematrix.cli;

import io.handshakematrix.diagnose.Explainer;
import io.handshakematrix.diagnose.FixFinder;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.explain.CaseReading;
import io.handshakematrix.explain.LogLine;
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

/** The support case in one command: what the receiver's config serves, why each sender refuses, what fixes it. */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Explain why a sender and a receiver fail, and verify the config change that fixes it.",
        description = {"Run each sender against the receiver as its configssl.cnf (or --receive-side/--dh) sets it up,",
            "and explain every failure in plain words: which side refused, which rule of its profile (with the",
            "profile's sources), and the one-line config changes that make it pass, each verified by running",
            "the changed handshake."},
        footer = {"", "Exit codes: 0 every handshake ok; 1 some handshake failed (fixes are listed); 2 bad input.", "",
            "Example (the support case):",
            "  diagnose --config examples/configssl.cnf --sender rhel-7.7 --sender rhel-6.10 --receiver rhel-6.10"})
final class DiagnoseCommand implements Callable<Integer> {
    @Option(names = "--sender", paramLabel = "STACK", required = true, split = ",",
            description = "sender (TLS client) stack(s); repeat or separate with commas")
    List<String> senders;

    @Option(names = "--log", paramLabel = "LINE",
            description = "a line of the customer's log, as logged (repeat for each side's line): diagnose says which "
                    + "library's profile the lines match and runs that profile as a sender too")
    List<String> logLines = new java.util.ArrayList<>();

    @Mixin
    PeerOptions peer;

    @Mixin
    ReceiverSettingsOptions settings;

    @Override
    public Integer call() {
        OptionRanges.names("--sender", senders);
        try (EngineRegistry engines = Engines.standard()) {
            ReceiverSettingsOptions.Context ctx = settings.context();
            CellRunner runner = peer.runner(engines, ctx, senders);
            senders = withMatchingLibrary(ctx, senders);
            System.out.println("Receiver " + peer.receiver + (ctx.config() != null ? ", " + ctx.config().file() : "")
                    + ": " + ctx.setting().why());
            boolean allOk = true;
            for (String sender : senders) {
                Cell cell = peer.cell(sender, ctx.setting(), ctx.profiles());
                HandshakeResult r = runner.run(cell);
                System.out.println();
                System.out.println("== " + cell.displayName());
                System.out.println("Result: " + r.summary());
                if (r.outcome() != Outcome.OK) {
                    allOk = false;
                    HandshakeText.errors(System.out, "sender errors", r.senderErrors());
                    HandshakeText.errors(System.out, "receiver errors", r.receiverErrors());
                    HandshakeText.diagnosis(System.out, new Explainer(runner).explain(cell, r),
                            new FixFinder(runner, ctx.product(), senders), ctx.product(), cell, r, ctx.config());
                }
            }
            return allOk ? Main.OK : Main.DIFFERENCES;
        }
    }

    /**
     * The senders plus the library the customer's lines match, when they match another profile than the senders
     * named (the product's bundled library sends alert 40 on 'bad dh g value', the system OpenSSL 50).
     */
    private List<String> withMatchingLibrary(ReceiverSettingsOptions.Context ctx, List<String> named) {
        if (logLines.isEmpty()) {
            return named;
        }
        List<LogLine> lines = logLines.stream().map(l -> LogLine.of(l, ctx.product().support())).toList();
        CaseReading reading = new CaseReading(ctx.profiles().all());
        java.util.Optional<CaseReading.LibraryMatch> match = reading.libraryMatch(lines);
        if (match.isEmpty()) {
            System.out.println("Your log lines do not tell the libraries apart: the senders named are run.");
            return named;
        }
        System.out.println(match.get().sentence());
        List<String> out = new java.util.ArrayList<>(named);
        match.get().matching().stream().map(r -> r.stack().id()).distinct()
                .filter(id -> !out.contains(id)).findFirst().ifPresent(id -> {
                    System.out.println("Running " + id + " as a sender too: it is the library your logs match.");
                    out.add(0, id);
                });
        return out;
    }
}
