package io.handshakematrix.hostile;

import io.handshakematrix.engine.emulated.ServerMisbehaviour;
import java.math.BigInteger;

/**
 * Deliberate misbehaviour of a receiver, for hostile-parameter tests only: a chosen public value
 * Ys instead of g^x mod p, or a ServerKeyExchange whose first length field runs past the message's
 * end. A stack's checks must be tried against values no honest server computes. It lives with the tests:
 * the emulated engine a run uses is honest, and nothing in matrix.yaml or the CLI can switch this on.
 */
public record HostileReceiver(ForcedYs ys, boolean skeLengthPastEnd) implements ServerMisbehaviour {

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

    @Override
    public BigInteger forcedYs(BigInteger p) {
        return ys == null ? null : ys.of(p);
    }

    /** The dh_p length (the body's first two bytes, RFC 5246 7.4.3) claims 65535 bytes the message does not have. */
    @Override
    public byte[] serverKeyExchange(byte[] written) {
        if (skeLengthPastEnd) {
            written[0] = (byte) 0xFF;
            written[1] = (byte) 0xFF;
        }
        return written;
    }
}
