package io.handshakematrix.results;

import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.StackRef;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How many of the product's current peers accept a fix: the one count explain, diagnose and the KB print, so a
 * fix reads "2 of 3 current peers accept" wherever it appears. Only the product's current peers count (a
 * diagnosis's other senders are not the peers the product meets today), each once, and only a handshake that
 * ended ok or fail: a skipped or broken one says nothing about the fix.
 */
public record PeerCount(List<String> accepted, List<String> refused) {

    /** {@code outcomes}: each sender that met the changed receiver and how it ended; {@code currentPeers}: profile ids. */
    public static PeerCount of(Map<String, Outcome> outcomes, List<String> currentPeers) {
        TreeSet<String> yes = new TreeSet<>();
        TreeSet<String> no = new TreeSet<>();
        outcomes.forEach((stack, outcome) -> {
            if (isCurrentPeer(stack, currentPeers)) {
                if (outcome == Outcome.OK) {
                    yes.add(stack);
                } else if (outcome == Outcome.FAIL) {
                    no.add(stack);
                }
            }
        });
        no.removeAll(yes); // a peer that passed in one cell and failed in a variant's: it accepts the fix
        return new PeerCount(List.copyOf(yes), List.copyOf(no));
    }

    /** A stack (emulated twin or real @engine) whose profile is one of the product's current peers. */
    public static boolean isCurrentPeer(String stack, List<String> currentPeers) {
        return currentPeers.contains(StackRef.parse(stack).profileId());
    }

    public int counted() {
        return accepted.size() + refused.size();
    }

    /** "2 of 3 current peers accept"; empty when no current peer met the changed receiver. */
    public String text() {
        return counted() == 0 ? "" : accepted.size() + " of " + counted() + " current peers accept";
    }
}
