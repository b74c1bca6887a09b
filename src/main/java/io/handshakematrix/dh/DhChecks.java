package io.handshakematrix.dh;

import io.handshakematrix.profile.CheckStage;
import io.handshakematrix.profile.ClientPolicy;
import io.handshakematrix.profile.DhCheck;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Where a client's DH checks are decided: given the server's p, g, Ys, run the profile's checks of
 * one stage in the profile's order and return the first that fails. Pure arithmetic, no TLS.
 */
public final class DhChecks {
    private DhChecks() {}

    public static Optional<DhCheck> firstFailure(ClientPolicy policy, CheckStage stage, int minBits,
                                                 BigInteger p, BigInteger g, BigInteger ys) {
        for (DhCheck c : policy.checks()) {
            if (c.stage() == stage && !passes(c, minBits, p, g, ys)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** {@code minBits} is the client's minimum in force (profile default or MinimumDHBits override). */
    static boolean passes(DhCheck c, int minBits, BigInteger p, BigInteger g, BigInteger ys) {
        BigInteger pMinus1 = p.subtract(BigInteger.ONE);
        return switch (c.kind()) {
            case YS_NONZERO -> ys.signum() != 0;
            case P_ODD -> p.testBit(0);
            case G_ABOVE_1 -> g.compareTo(BigInteger.ONE) > 0;
            case G_BELOW_P_MINUS_1 -> g.compareTo(pMinus1) < 0;
            case G_IN_RANGE -> g.compareTo(BigInteger.ONE) > 0 && g.compareTo(pMinus1) < 0;
            case MIN_BITS -> p.bitLength() >= (c.bits() != null ? Math.max(c.bits(), minBits) : minBits);
            case MIN_MODULUS_BITS -> p.bitLength() >= c.bits();
            case MAX_BITS -> p.bitLength() <= c.bits();
            case YS_IN_RANGE -> ys.compareTo(BigInteger.ONE) > 0 && ys.compareTo(pMinus1) < 0;
        };
    }
}
