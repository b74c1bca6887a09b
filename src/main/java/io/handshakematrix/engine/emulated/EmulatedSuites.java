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
        boolean tls13 = kx == KeyExchangeAlgorithm.NULL && (suite >> 8) == 0x13; // RFC 8446 B.4: (EC)DHE by key_share
        boolean driven = tls13 || kx == KeyExchangeAlgorithm.RSA || kx == KeyExchangeAlgorithm.DHE_RSA
                || kx == KeyExchangeAlgorithm.ECDHE_RSA || kx == KeyExchangeAlgorithm.ECDHE_ECDSA;
        return driven && TlsUtils.getSupportedCipherSuites(crypto, new int[] {suite}).length == 1;
    }

    /**
     * A suite a receiver with this certificate can complete: RSA signs or decrypts for RSA, DHE-RSA and
     * ECDHE-RSA; ECDSA P-256 signs for ECDHE-ECDSA. A real 1.0.x server with the same certificate would also
     * accept RC4, SEED and IDEA suites, which BouncyCastle lacks: those are not served (a scanner sees fewer).
     */
    static boolean servable(TlsCrypto crypto, int suite, io.handshakematrix.model.CertificateType cert) {
        int kx = TlsUtils.getKeyExchangeAlgorithm(suite);
        if (kx == KeyExchangeAlgorithm.NULL && (suite >> 8) == 0x13) {
            return cert == io.handshakematrix.model.CertificateType.RSA && completable(crypto, suite); // signs with PSS
        }
        boolean fits = cert == io.handshakematrix.model.CertificateType.ECDSA_P256 ? kx == KeyExchangeAlgorithm.ECDHE_ECDSA
                : kx == KeyExchangeAlgorithm.RSA || kx == KeyExchangeAlgorithm.DHE_RSA || kx == KeyExchangeAlgorithm.ECDHE_RSA;
        return fits && completable(crypto, suite);
    }
}
