package io.handshakematrix.dh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * A fresh DH group as {@code openssl dhparam BITS} makes one: a safe prime p = 2q + 1 (q prime) with p = 23 mod 24,
 * so that g = 2 generates the subgroup of prime order q (2 is a quadratic residue mod p when p = +-1 mod 8; OpenSSL's
 * BN_generate_prime_ex with safe = 1 and its dhparam generator 2 use the same residue). Candidates step by 24 from a
 * random start; one whose p or q a prime under {@link #SIEVE_LIMIT} divides is skipped by residues alone (a sieve on
 * both numbers, as OpenSSL's probable_prime_dh_safe does), then a base-2 Fermat test on q and p discards most of the
 * rest, and BigInteger's Miller-Rabin (error under 2^-100) proves both. BouncyCastle's DHParametersGenerator makes the
 * same kind of prime without the sieve on q and did not finish 2048 bits in 20 minutes on this
 * kind of machine.
 */
public final class SafePrimeGenerator {
    /** Primes up to this bound sieve both p and q: the divisions are cheap next to one modular exponentiation. */
    static final int SIEVE_LIMIT = 1 << 16;
    /** Under 512 bits OpenSSL 3 refuses to generate (and every current client refuses such a group anyway). */
    public static final int MIN_BITS = 512;
    public static final int MAX_BITS = 8192;
    private static final int[] SMALL_PRIMES = smallPrimes(SIEVE_LIMIT);
    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger STEP = BigInteger.valueOf(24);

    private SafePrimeGenerator() {}

    /** A new group of exactly {@code bits} bits, g = 2. */
    public static DhGroup generate(int bits, SecureRandom random) {
        if (bits < MIN_BITS || bits > MAX_BITS) {
            throw new IllegalArgumentException("DH size " + bits + " outside " + MIN_BITS + ".." + MAX_BITS);
        }
        while (true) {
            BigInteger p = start(bits, random);
            int[] residues = new int[SMALL_PRIMES.length];
            for (int i = 0; i < SMALL_PRIMES.length; i++) {
                residues[i] = p.mod(BigInteger.valueOf(SMALL_PRIMES[i])).intValue();
            }
            // walk up to 2^20 steps from this start, then draw a new one (the walk must not leave the bit length)
            for (int k = 0; k < (1 << 20); k++) {
                if (survivesSieve(residues, k)) {
                    BigInteger candidate = p.add(STEP.multiply(BigInteger.valueOf(k)));
                    if (candidate.bitLength() != bits) {
                        break;
                    }
                    BigInteger q = candidate.shiftRight(1);
                    if (TWO.modPow(q.subtract(BigInteger.ONE), q).equals(BigInteger.ONE)
                            && TWO.modPow(candidate.subtract(BigInteger.ONE), candidate).equals(BigInteger.ONE)
                            && q.isProbablePrime(100) && candidate.isProbablePrime(100)) {
                        return new DhGroup(bits + "-bit safe prime", candidate, TWO,
                                "generated: safe prime p = 2q+1, p = 23 mod 24, g = 2 (Miller-Rabin, error < 2^-100)");
                    }
                }
            }
        }
    }

    /** Neither p + 24k nor q = (p + 24k - 1) / 2 has a prime factor under the sieve limit (other than itself). */
    private static boolean survivesSieve(int[] residues, int k) {
        for (int i = 0; i < SMALL_PRIMES.length; i++) {
            int r = SMALL_PRIMES[i];
            int m = (int) ((residues[i] + 24L * k) % r);
            // p = 0 mod r: r divides p; p = 1 mod r: r divides p - 1 = 2q, so r (odd) divides q
            if (m == 0 || m == 1) {
                return false;
            }
        }
        return true;
    }

    /** A random number of {@code bits} bits, its top two bits set, = 23 mod 24. */
    private static BigInteger start(int bits, SecureRandom random) {
        BigInteger x = new BigInteger(bits, random).setBit(bits - 1).setBit(bits - 2);
        BigInteger r = x.mod(STEP);
        return x.subtract(r).add(BigInteger.valueOf(23));
    }

    /** The odd primes from 5 up to {@code limit} (2 and 3 are taken care of by the residue 23 mod 24). */
    private static int[] smallPrimes(int limit) {
        boolean[] composite = new boolean[limit + 1];
        int n = 0;
        int[] out = new int[limit];
        for (int i = 2; i <= limit; i++) {
            if (!composite[i]) {
                if (i >= 5) {
                    out[n++] = i;
                }
                for (long j = (long) i * i; j <= limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The group as PKCS#3 PEM ("BEGIN DH PARAMETERS"), the file openssl dhparam writes and the product reads. */
    public static String pem(DhGroup g) {
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new ASN1Integer(g.p()));
        v.add(new ASN1Integer(g.g()));
        try {
            byte[] der = new DERSequence(v).getEncoded();
            String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
            return "-----BEGIN DH PARAMETERS-----\n" + b64 + "\n-----END DH PARAMETERS-----\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
