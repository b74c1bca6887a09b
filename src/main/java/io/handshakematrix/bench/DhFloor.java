package io.handshakematrix.bench;

import io.handshakematrix.engine.emulated.RawDhCrypto;
import io.handshakematrix.dh.DhGroup;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * The DH arithmetic of one DHE handshake alone: both sides make a key pair and a shared secret, four
 * modular exponentiations with private values as long as the emulated engine draws them
 * ({@link RawDhCrypto#exponentBits}). No handshake can be cheaper than this.
 */
public final class DhFloor {
    private DhFloor() {}

    /** Milliseconds of this thread's CPU time for the four exponentiations, averaged over {@code rounds}. */
    public static double cpuMsPerHandshake(DhGroup group, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SecureRandom random = new SecureRandom();
        BigInteger p = group.p();
        int bits = RawDhCrypto.exponentBits(p);
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < rounds; i++) {
            BigInteger x = new BigInteger(bits, random);
            BigInteger y = new BigInteger(bits, random);
            BigInteger gx = group.g().modPow(x, p);
            BigInteger gy = group.g().modPow(y, p);
            if (!gy.modPow(x, p).equals(gx.modPow(y, p))) {
                throw new IllegalStateException("DH arithmetic disagrees with itself");
            }
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e6 / rounds;
    }
}
