package io.handshakematrix.engine.emulated;

import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCrypto;

/** Which cipher suites the emulation can take to the end of a handshake. */
final class EmulatedSuites {
    private EmulatedSuites() {}

    /**
     * BouncyCastle's crypto has the cipher and MAC, and the key exchange is one this engine drives:
     * RSA, DHE-RSA, ECDHE-RSA, ECDHE-ECDSA (no static DH/ECDH, no DSS: BouncyCastle dropped them).
     */
    static boolean completable(TlsCrypto crypto, int suite) {
        int kx = TlsUtils.getKeyExchangeAlgorithm(suite);
        boolean driven = kx == KeyExchangeAlgorithm.RSA || kx == KeyExchangeAlgorithm.DHE_RSA
                || kx == KeyExchangeAlgorithm.ECDHE_RSA || kx == KeyExchangeAlgorithm.ECDHE_ECDSA;
        return driven && TlsUtils.getSupportedCipherSuites(crypto, new int[] {suite}).length == 1;
    }
}
