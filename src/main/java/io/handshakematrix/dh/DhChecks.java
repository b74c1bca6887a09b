package io.handshakematrix.dh;

import io.handshakematrix.profile.CheckKind;
import io.handshakematrix.profile.FipsDhGroups;
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
        return firstFailure(policy, stage, minBits, p, g, ys, null);
    }

    /**
     * As above, with the ServerKeyExchange's TLS 1.2 signature algorithm ({@code sigAlg}, hash byte first as on the
     * wire; null when the message has none or it is not known): the signature check runs where the profile lists it.
     */
    public static Optional<DhCheck> firstFailure(ClientPolicy policy, CheckStage stage, int minBits,
                                                 BigInteger p, BigInteger g, BigInteger ys, Integer sigAlg) {
        for (DhCheck c : policy.checks()) {
            if (c.stage() == stage && !passes(c, minBits, p, g, ys, sigAlg)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The first signature check that fails for an ECDHE ServerKeyExchange (no DH parameters to check). */
    public static Optional<DhCheck> signatureFailure(ClientPolicy policy, Integer sigAlg) {
        return policy.checks().stream().filter(c -> c.kind() == CheckKind.SHA1_SIGNATURE)
                .filter(c -> !sha1Free(sigAlg)).findFirst();
    }

    /** RFC 5246 7.4.1.4.1: the first byte is the hash, 2 = sha1. */
    private static boolean sha1Free(Integer sigAlg) {
        return sigAlg == null || (sigAlg >> 8) != 2;
    }

    static boolean passes(DhCheck c, int minBits, BigInteger p, BigInteger g, BigInteger ys) {
        return passes(c, minBits, p, g, ys, null);
    }

    /** {@code minBits} is the client's minimum in force (profile default or MinimumDHBits override). */
    static boolean passes(DhCheck c, int minBits, BigInteger p, BigInteger g, BigInteger ys, Integer sigAlg) {
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
            case NAMED_GROUP -> FipsDhGroups.approved(p, g);
            case SHA1_SIGNATURE -> sha1Free(sigAlg);
        };
    }
}
