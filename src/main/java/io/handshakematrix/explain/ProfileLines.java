package io.handshakematrix.explain;

import io.handshakematrix.model.Side;
import io.handshakematrix.profile.DhCheck;
import io.handshakematrix.profile.ServerDhRule;
import io.handshakematrix.profile.StackProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The lines the stack profiles say each stack prints when one of its own rules refuses, so explain can name
 * stacks that print a line even where the run did not meet them (a profile fact, not a measured cell).
 */
public final class ProfileLines {
    /** A stack, its side, the rule and the line it prints. */
    public record Known(String stack, Side side, String rule, String line) {
    }

    private final List<Known> known = new ArrayList<>();

    public ProfileLines(Collection<StackProfile> profiles) {
        for (StackProfile p : profiles) {
            for (DhCheck c : p.client().checks()) {
                c.errorLines().forEach(l -> known.add(new Known(p.id(), Side.SENDER, "check " + c.kind().yamlName(), l)));
            }
            for (ServerDhRule r : p.server().unusableDh()) {
                r.errorLines().forEach(l -> known.add(new Known(p.id(), Side.RECEIVER, "rule " + r.when().yamlName(), l)));
            }
            p.server().log().noSharedCipher().forEach(l -> known.add(new Known(p.id(), Side.RECEIVER, "no shared cipher", l)));
        }
    }

    /** The profiles' lines this customer line matches. */
    public List<Known> matching(LogLine q) {
        return known.stream().filter(k -> q.matches(k.line())).toList();
    }
}
