package io.handshakematrix.diagnose;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The changes tried on a failing cell, each verified by a real handshake, and their ranking: first the fixes that
 * keep DHE, among them the one the most current peers accept, then the smaller group and the receiver side; fixes
 * that give up DHE after every DHE fix that works. "Smallest change" is only chosen among fixes with no cost.
 */
public record Resolution(Cell cell, HandshakeResult before, List<FixAttempt> attempts) {

    /** The one ranking ({@link io.handshakematrix.results.FixRank}): explain, the KB and plan use it too. */
    public static final Comparator<FixAttempt> RANK = io.handshakematrix.results.FixRank.by(FixAttempt::rank);

    /** The changes that made the handshake pass, best first. */
    public List<FixAttempt> fixes() {
        return attempts.stream().filter(FixAttempt::works).sorted(RANK).toList();
    }

    /** Every attempt: the working ones ranked, then the failed ones in the order they were tried. */
    public List<FixAttempt> ranked() {
        return Stream.concat(fixes().stream(), attempts.stream().filter(a -> !a.works())).toList();
    }

    /** The best fix: keeps DHE and works for the widest set of peers where any does. */
    public Optional<FixAttempt> first() {
        return fixes().stream().findFirst();
    }

    /** The smallest change among the fixes that cost nothing (keep DHE, no current peer refuses, receiver side). */
    public Optional<FixAttempt> smallestWithoutCost() {
        return fixes().stream().filter(a -> a.costs().isEmpty()).min(Comparator.comparingInt(FixAttempt::dhBits));
    }

    /** Why the best fix is ranked above the first working fix that gives up DHE; empty when there is none. */
    public Optional<String> whyAboveRsa() {
        Optional<FixAttempt> best = first().filter(FixAttempt::keepsDhe);
        Optional<FixAttempt> rsa = fixes().stream().filter(a -> !a.keepsDhe()).findFirst();
        if (best.isEmpty() || rsa.isEmpty()) {
            return Optional.empty();
        }
        FixAttempt b = best.get();
        FixAttempt r = rsa.get();
        String reach = b.peerCount().counted() > 0 ? " and " + b.peerCount().text() + " it" : "";
        String rsaReach = r.peerCount().counted() > 0 ? "; " + r.peerCount().text() + " that" : "";
        return Optional.of("ranked above " + r.change() + ": it keeps DHE (forward secrecy)" + reach
                + ", while " + r.change() + " gives up forward secrecy" + rsaReach);
    }
}
