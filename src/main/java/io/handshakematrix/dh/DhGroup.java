package io.handshakematrix.dh;

import java.math.BigInteger;

/** DH domain parameters as a server sends them (PKCS#3: p and g, nothing validated). */
public record DhGroup(String name, BigInteger p, BigInteger g, String source) {

    public int bits() {
        return p.bitLength();
    }

    @Override
    public String toString() {
        return name + " (" + bits() + " bits, g=" + (g.bitLength() <= 16 ? g : "p-" + p.subtract(g)) + ")";
    }
}
