package io.handshakematrix.engine;

import java.math.BigInteger;

/**
 * Deliberate misbehaviour of a receiver, for hostile-parameter tests only: a chosen public value
 * Ys instead of g^x mod p, or a ServerKeyExchange whose first length field runs past the message's
 * end. A stack's checks must be tried against values no honest server computes. Normal runs use
 * {@link #NONE}; nothing in matrix.yaml or the CLI can switch it on.
 */
public record HostileReceiver(ForcedYs ys, boolean skeLengthPastEnd) {
    public static final HostileReceiver NONE = new HostileReceiver(null, false);

    /** A public value the server sends whatever its private value: 0, 1 or p-1 (RFC 2631 2.1.5 ranges). */
    public enum ForcedYs {
        ZERO, ONE, P_MINUS_1;

        public BigInteger of(BigInteger p) {
            return switch (this) {
                case ZERO -> BigInteger.ZERO;
                case ONE -> BigInteger.ONE;
                case P_MINUS_1 -> p.subtract(BigInteger.ONE);
            };
        }
    }

    public static HostileReceiver sendingYs(ForcedYs ys) {
        return new HostileReceiver(ys, false);
    }

    public static HostileReceiver withSkeLengthPastEnd() {
        return new HostileReceiver(null, true);
    }

    public boolean isNone() {
        return ys == null && !skeLengthPastEnd;
    }
}
