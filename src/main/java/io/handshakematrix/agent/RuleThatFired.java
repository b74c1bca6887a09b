package io.handshakematrix.agent;

import io.handshakematrix.engine.SideReport;
import io.handshakematrix.profile.DhCheck;
import io.handshakematrix.profile.ServerDhRule;
import io.handshakematrix.profile.StackProfile;
import java.util.Optional;

/**
 * The id of the profile rule whose error line this side printed (a sender's DH check such as {@code g_above_1}, a
 * receiver's unusable-group rule such as {@code below_min_bits}), so a report says which rule fired, not only what
 * the stack printed. Found by the rule's own first error line, the one the emulated engine prints for it.
 */
final class RuleThatFired {
    private RuleThatFired() {}

    static Optional<String> of(StackProfile profile, boolean receiver, SideReport r) {
        if (r.errors().isEmpty()) {
            return Optional.empty();
        }
        if (receiver) {
            for (ServerDhRule rule : profile.server().unusableDh()) {
                if (!rule.errorLines().isEmpty() && r.errors().contains(rule.errorLines().get(0))) {
                    return Optional.of(rule.when().yamlName());
                }
            }
            return Optional.empty();
        }
        for (DhCheck c : profile.client().checks()) {
            if (!c.errorLines().isEmpty() && r.errors().contains(c.errorLines().get(0))) {
                return Optional.of(c.kind().yamlName());
            }
        }
        return Optional.empty();
    }
}
