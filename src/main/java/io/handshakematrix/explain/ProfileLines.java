package io.handshakematrix.explain;

import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ErrorMap;
import io.handshakematrix.profile.StackProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The lines the stack profiles say each stack prints when one of its own rules refuses (their {@link ErrorMap}s),
 * so explain can name stacks that print a line even where the run did not meet them (a profile fact, not a
 * measured cell).
 */
public final class ProfileLines {
    /** A stack, its side, the rule and the line it prints. */
    public record Known(String stack, Side side, String rule, String line) {
    }

    private final List<Known> known = new ArrayList<>();

    public ProfileLines(Collection<StackProfile> profiles) {
        for (StackProfile p : profiles) {
            for (ErrorMap.Entry e : ErrorMap.of(p).entries()) {
                String rule = label(e);
                if (rule != null) {
                    e.lines().forEach(l -> known.add(new Known(p.id(), e.side(), rule, l)));
                }
            }
        }
    }

    /** How explain names a rule: "check min_bits", "rule p_even", "no shared cipher"; null for one it does not name. */
    private static String label(ErrorMap.Entry e) {
        return switch (e.source()) {
            case CHECK -> "check " + e.rule();
            case SERVER_RULE -> "rule " + e.rule();
            case LOG -> e.side() == Side.RECEIVER && e.rule().equals("no_shared_cipher") ? "no shared cipher" : null;
        };
    }

    /** The profiles' lines this customer line matches. */
    public List<Known> matching(LogLine q) {
        return known.stream().filter(k -> q.matches(k.line())).toList();
    }
}
