package io.handshakematrix.cli;

import io.handshakematrix.yaml.InputError;
import java.util.List;
import picocli.CommandLine.Option;

/** The sender's settings a user may turn: highest protocol offered and the MinimumDHBits override. */
final class SenderKnobs {
    @Option(names = "--protocol", paramLabel = "VERSION", defaultValue = "TLSv1.2",
            description = "highest protocol the sender offers: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3, or default (the stacks' "
                    + "own range: TLS 1.3 between two RHEL 8+ hosts) (default: ${DEFAULT-VALUE})")
    String protocol;

    @Option(names = "--min-dh-bits", paramLabel = "N", defaultValue = "0",
            description = "the sender's MinimumDHBits override (0 = not set)")
    int minDhBits;

    void validate() {
        if (!List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "default").contains(protocol)) {
            throw new InputError("--protocol", 0, "expected TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 or default, found '"
                    + protocol + "'");
        }
        if (minDhBits < 0 || minDhBits > 100_000) {
            throw new InputError("--min-dh-bits", 0, "expected 0 (not set) to 100000, found " + minDhBits);
        }
    }
}
