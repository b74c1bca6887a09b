package io.handshakematrix.cli;

import io.handshakematrix.config.ReceiverSetting;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.model.Cell;
import io.handshakematrix.runner.CellRunner;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The receiver stack and the sender's knobs of a handshake between two stacks (ping, diagnose). */
final class PeerOptions {
    @Option(names = "--receiver", paramLabel = "STACK", required = true,
            description = "receiver (TLS server) stack, e.g. rhel-6.10")
    String receiver;

    @Mixin
    SenderKnobs knobs;

    @Mixin
    PolicyOptions policies;

    /** Checks every stack name, then a runner for cells between them with the product's settings. */
    CellRunner runner(EngineRegistry engines, ReceiverSettingsOptions.Context ctx, List<String> senders) {
        knobs.validate();
        ReceiverSettingsOptions.checkStack("--receiver", receiver, ctx.profiles(), engines);
        senders.forEach(s -> ReceiverSettingsOptions.checkStack("--sender", s, ctx.profiles(), engines));
        return new CellRunner(engines, ctx.profiles(), ctx.groups(), ReceiverSettingsOptions.settings(ctx.product()),
                null, ctx.timeout());
    }

    /** The cell of {@code sender} against this receiver with {@code settings}' RECEIVE_SIDE and DH group. */
    Cell cell(String sender, ReceiverSetting settings, io.handshakematrix.profile.ProfileCatalog profiles) {
        return policies.apply(new Cell(sender, receiver, settings.receiveSide(), settings.dhGroup(), knobs.protocol,
                knobs.minDhBits), profiles);
    }
}
