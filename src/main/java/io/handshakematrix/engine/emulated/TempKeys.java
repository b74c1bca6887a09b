package io.handshakematrix.engine.emulated;

import io.handshakematrix.profile.TlsCodes;

/** "Server Temp Key" as OpenSSL 1.1.1 and later print it: "ECDH, P-256, 256 bits", "DH, 1024 bits". */
final class TempKeys {
    private TempKeys() {}

    static String ecdh(int namedGroup) {
        return TlsCodes.group(namedGroup).map(g -> "ECDH, " + g.displayName() + ", " + g.bits() + " bits")
                .orElse(String.format("ECDH, group 0x%04x", namedGroup));
    }

    static String dh(int bits) {
        return "DH, " + bits + " bits";
    }
}
