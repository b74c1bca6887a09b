package io.handshakematrix.engine.emulated;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.tls.TlsDHUtils;
import org.bouncycastle.tls.crypto.DHGroup;
import org.bouncycastle.tls.crypto.TlsAgreement;
import org.bouncycastle.tls.crypto.TlsDHConfig;
import org.bouncycastle.tls.crypto.TlsDHDomain;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.util.BigIntegers;

/**
 * BouncyCastle's crypto with plain modular-exponentiation DH. BC's own DH domain validates keys
 * (rejects Ys outside [2, p-2], so a g=1 server cannot even start); the stacks we emulate do their
 * own checks, which the profile decides, so the arithmetic here must accept anything.
 */
public final class RawDhCrypto extends BcTlsCrypto {

    RawDhCrypto(SecureRandom random) {
        super(random);
    }

    /**
     * Longest private exponent used. OpenSSL 1.0.x draws bits(p)-1 bits when the parameters carry no
     * length, but no peer can observe the exponent's length: every check a profile models looks at p, g
     * and Ys only. 256 bits is twice the 128-bit security strength (NIST SP 800-56A, RFC 7919 section 5.2)
     * and what BouncyCastle uses for its own groups; a full 2047-bit exponent would make DHE 2048 cells
     * several times slower for no difference in any verdict.
     */
    public static final int MAX_EXPONENT_BITS = 256;

    /** Bits of the private exponent used with {@code p}. */
    public static int exponentBits(BigInteger p) {
        return Math.max(2, Math.min(MAX_EXPONENT_BITS, p.bitLength() - 1));
    }

    @Override
    public TlsDHDomain createDHDomain(TlsDHConfig dhConfig) {
        DHGroup group = TlsDHUtils.getDHGroup(dhConfig);
        BigInteger forcedYs = dhConfig instanceof ForcedYsConfig f ? f.ys : null;
        return () -> new Agreement(group.getP(), group.getG(), forcedYs);
    }

    /** A server's DH config whose public value is chosen, not computed (hostile-parameter tests). */
    static final class ForcedYsConfig extends TlsDHConfig {
        private final BigInteger ys;

        ForcedYsConfig(DHGroup group, BigInteger ys) {
            super(group);
            this.ys = ys;
        }
    }

    private final class Agreement implements TlsAgreement {
        private final BigInteger p;
        private final BigInteger g;
        private final BigInteger forcedYs;
        private BigInteger x;
        private BigInteger peerY;

        Agreement(BigInteger p, BigInteger g, BigInteger forcedYs) {
            this.p = p;
            this.g = g;
            this.forcedYs = forcedYs;
        }

        @Override
        public byte[] generateEphemeral() {
            // p's size less one bit for small groups, at least 2; MAX_EXPONENT_BITS for the others.
            int bits = exponentBits(p);
            do {
                x = new BigInteger(bits, getSecureRandom());
            } while (x.compareTo(BigInteger.TWO) < 0);
            return BigIntegers.asUnsignedByteArray(forcedYs != null ? forcedYs : g.modPow(x, p));
        }

        @Override
        public void receivePeerValue(byte[] peerValue) {
            peerY = new BigInteger(1, peerValue);
        }

        @Override
        public TlsSecret calculateSecret() throws IOException {
            // RFC 5246 8.1.2: leading zero bytes of Z are stripped in TLS 1.2 and earlier.
            return createSecret(BigIntegers.asUnsignedByteArray(peerY.modPow(x, p)));
        }
    }
}
