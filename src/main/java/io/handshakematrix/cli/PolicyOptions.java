package io.handshakematrix.cli;

import io.handshakematrix.matrix.CellSettings;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.CryptoPolicies;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.InputError;
import picocli.CommandLine.Option;

/** Each host's system-wide crypto policy (update-crypto-policies --set), for ping and diagnose. */
final class PolicyOptions {
    @Option(names = "--sender-policy", paramLabel = "POLICY", defaultValue = CryptoPolicies.NEUTRAL,
            description = "the sender host's crypto policy: DEFAULT, LEGACY, FUTURE, FIPS, with subpolicies "
                    + "(DEFAULT:SHA1); stacks without policies (RHEL 6/7, JDKs) take only DEFAULT (default: ${DEFAULT-VALUE})")
    String sender;

    @Option(names = "--receiver-policy", paramLabel = "POLICY", defaultValue = CryptoPolicies.NEUTRAL,
            description = "the receiver host's crypto policy, as --sender-policy (default: ${DEFAULT-VALUE})")
    String receiver;

    /** {@code cell} with both policies, each checked against its stack (one line naming the option, exit 2). */
    Cell apply(Cell cell, ProfileCatalog profiles) {
        check("--sender-policy", cell.sender(), sender, profiles);
        check("--receiver-policy", cell.receiver(), receiver, profiles);
        Cell out = sender.equals(CryptoPolicies.NEUTRAL) ? cell : cell.with(CellSettings.SENDER_POLICY, sender);
        return receiver.equals(CryptoPolicies.NEUTRAL) ? out : out.with(CellSettings.RECEIVER_POLICY, receiver);
    }

    /** A policy for {@code stack}, refused with the reason when the stack cannot run under it. */
    static void check(String option, String stack, String setting, ProfileCatalog profiles) {
        String why = profiles.policies().whyNot(profiles.get(StackRef.parse(stack).profileId()), setting);
        if (why != null) {
            throw new InputError(option, 0, stack + " " + why);
        }
    }
}
