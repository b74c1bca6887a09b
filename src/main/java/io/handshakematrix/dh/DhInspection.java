package io.handshakematrix.dh;

import io.handshakematrix.profile.CheckStage;
import io.handshakematrix.profile.DhCheck;
import io.handshakematrix.profile.PolicyCompiler;
import io.handshakematrix.profile.ServerDhRule;
import io.handshakematrix.profile.StackProfile;
import java.math.BigInteger;
import java.util.Optional;
import java.util.Random;

/**
 * What can be said about DH parameters before any handshake: size, p odd / prime / safe, g in range, and
 * which profiles would refuse them and how. The server's public value Ys is computed as a server would
 * (g^x mod p, x from a fixed seed so the output repeats), because some stacks only fail on Ys.
 */
public record DhInspection(DhGroup group, boolean pOdd, boolean pPrime, boolean pSafe, boolean gInRange, BigInteger ys) {
    /** Miller-Rabin rounds: error below 2^-100, as OpenSSL's BN_check_prime aims for. */
    private static final int CERTAINTY = 100;

    public static DhInspection of(DhGroup g) {
        BigInteger p = g.p();
        BigInteger pm1 = p.subtract(BigInteger.ONE);
        boolean prime = p.isProbablePrime(CERTAINTY);
        boolean safe = prime && p.testBit(0) && pm1.shiftRight(1).isProbablePrime(CERTAINTY);
        boolean gOk = g.g().compareTo(BigInteger.ONE) > 0 && g.g().compareTo(pm1) < 0;
        BigInteger x = new BigInteger(Math.max(2, p.bitLength() - 1), new Random(1)).max(BigInteger.TWO);
        BigInteger ys = p.signum() > 0 && p.bitLength() > 1 ? g.g().modPow(x, p) : BigInteger.ZERO;
        return new DhInspection(g, p.testBit(0), prime, safe, gOk, ys);
    }

    /** The first of a sender profile's checks that refuses this group (in the stack's order), if any. */
    public Optional<DhCheck> senderRefusal(StackProfile bare) {
        StackProfile sender = PolicyCompiler.asInstalled(bare);
        int min = sender.client().effectiveMinBits(0);
        for (CheckStage stage : CheckStage.values()) {
            Optional<DhCheck> c = DhChecks.firstFailure(sender.client(), stage, min, group.p(), group.g(), ys);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /** The receiver profile's rule that makes it unable to serve this group, if any. */
    public Optional<ServerDhRule> receiverRefusal(StackProfile receiver) {
        return PolicyCompiler.asInstalled(receiver).server().unusableDh().stream().filter(r -> r.appliesTo(group.p(), group.g())).findFirst();
    }
}
