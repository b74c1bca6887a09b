package io.handshakematrix.cli;

import io.handshakematrix.model.Cell;
import io.handshakematrix.yaml.InputError;
import java.util.List;
import picocli.CommandLine.Option;

/** The receiver stack and the sender's knobs of a handshake between two stacks (ping, diagnose). */
final class PeerOptions {
    @Option(names = "--receiver", paramLabel = "STACK", required = true,
            description = "receiver (TLS server) stack, e.g. rhel-6.10")
    String receiver;

    @Option(names = "--protocol", paramLabel = "VERSION", defaultValue = "TLSv1.2",
            description = "highest protocol the sender offers: TLSv1, TLSv1.1, TLSv1.2 (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--min-dh-bits", paramLabel = "N", defaultValue = "0",
            description = "the sender's MinimumDHBits override (0 = not set)")
    int minDhBits;

    static void checkProtocol(String protocol) {
        if (!List.of("TLSv1", "TLSv1.1", "TLSv1.2").contains(protocol)) {
            throw new InputError("--protocol", 0, "expected TLSv1, TLSv1.1 or TLSv1.2, found '" + protocol + "'");
        }
    }

    static void checkMinDhBits(int bits) {
        if (bits < 0 || bits > 100_000) {
            throw new InputError("--min-dh-bits", 0, "expected 0 (not set) to 100000, found " + bits);
        }
    }

    /** The cell of {@code sender} against this receiver with {@code settings}' RECEIVE_SIDE and DH group. */
    Cell cell(String sender, io.handshakematrix.config.ReceiverSetting settings) {
        checkProtocol(protocol);
        checkMinDhBits(minDhBits);
        return new Cell(sender, receiver, settings.receiveSide(), settings.dhGroup(), protocol, minDhBits);
    }
}
