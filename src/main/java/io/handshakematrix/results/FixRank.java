package io.handshakematrix.results;

import java.util.Comparator;
import java.util.function.Function;

/**
 * The one order of fixes, for every place that ranks them (explain, diagnose, the KB, Allure, plan), so a fix is
 * first or second in the same place wherever it is printed. The support case's principles, in order:
 * <ol>
 *   <li>a fix that keeps DHE (forward secrecy) before one that gives it up (RSA key exchange);</li>
 *   <li>then the one more of the product's current peers accept ({@link PeerCount}: the same count everywhere);</li>
 *   <li>then one that stays above what those peers need (a group under a current peer's minimum, seen elsewhere);</li>
 *   <li>then the narrower change: the receiver's own file, then the sender's file (it then accepts the group from
 *       every server), then a host's crypto policy (weaker crypto for every application on the host);</li>
 *   <li>then the smaller DH group (the smaller change, and cheaper handshakes).</li>
 * </ol>
 */
public record FixRank(boolean keepsDhe, int peersAccepting, boolean belowPeerFloor, Scope scope, int dhBits) {

    /** Where a change is made, narrowest first. */
    public enum Scope { RECEIVER_FILE, SENDER_FILE, HOST_POLICY }

    public static final Comparator<FixRank> ORDER = Comparator.comparing((FixRank r) -> !r.keepsDhe())
            .thenComparingInt(r -> -r.peersAccepting())
            .thenComparing(r -> r.belowPeerFloor())
            .thenComparing(r -> r.scope())
            .thenComparingInt(FixRank::dhBits);

    /** The order over any fix type, by its rank. */
    public static <T> Comparator<T> by(Function<T, FixRank> rank) {
        return Comparator.comparing(rank, ORDER);
    }

    /** A change's scope from its text: a crypto policy is the host's, else the side it is made on. */
    public static Scope scope(String change, boolean senderSide) {
        return change.startsWith(POLICY_PREFIX) ? Scope.HOST_POLICY : senderSide ? Scope.SENDER_FILE : Scope.RECEIVER_FILE;
    }

    /** How every policy change's text begins ("crypto policy LEGACY (update-crypto-policies --set LEGACY; ...)"). */
    public static final String POLICY_PREFIX = "crypto policy ";
}
