package io.handshakematrix.engine.emulated;

import io.handshakematrix.profile.TlsCodes;

/** "Server Temp Key" as OpenSSL 1.1.1 and later print it: "ECDH, P-256, 256 bits", "DH, 1024 bits". */
final class TempKeys {
    private TempKeys() {}

    static String ecdh(int namedGroup) {
        return TlsCodes.group(namedGroup).map(g -> "ECDH, " + g.displayName() + ", " + g.bits() + " bits")
                .orElse(String.format("ECDH, group 0x%04x", namedGroup));
    }

    /** TLS 1.3's key share group as OpenSSL prints it ("X25519, 253 bits", "DH, 2048 bits" for ffdhe2048). */
    static String group(int namedGroup) {
        if (org.bouncycastle.tls.NamedGroup.isFiniteField(namedGroup)) {
            return "DH, " + org.bouncycastle.tls.NamedGroup.getFiniteFieldBits(namedGroup) + " bits ("
                    + org.bouncycastle.tls.NamedGroup.getName(namedGroup) + ")";
        }
        return TlsCodes.group(namedGroup).map(g -> g.displayName() + ", " + g.bits() + " bits")
                .orElse(org.bouncycastle.tls.NamedGroup.getName(namedGroup));
    }

    static String dh(int bits) {
        return "DH, " + bits + " bits";
    }
}
