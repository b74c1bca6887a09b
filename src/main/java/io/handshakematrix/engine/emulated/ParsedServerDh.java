package io.handshakematrix.engine.emulated;

import java.math.BigInteger;

/** p, g and Ys as read from a DHE ServerKeyExchange body (RFC 5246 7.4.3 ServerDHParams). */
record ParsedServerDh(BigInteger p, BigInteger g, BigInteger ys) {

    /** Null when the framing is broken; BouncyCastle's own parser then reports it. */
    static ParsedServerDh parse(byte[] body) {
        int[] pos = {0};
        BigInteger p = opaque16(body, pos);
        BigInteger g = p == null ? null : opaque16(body, pos);
        BigInteger ys = g == null ? null : opaque16(body, pos);
        return ys == null ? null : new ParsedServerDh(p, g, ys);
    }

    private static BigInteger opaque16(byte[] b, int[] pos) {
        if (b.length - pos[0] < 2) {
            return null;
        }
        int len = ((b[pos[0]] & 0xFF) << 8) | (b[pos[0] + 1] & 0xFF);
        if (len == 0 || b.length - pos[0] - 2 < len) {
            return null;
        }
        byte[] v = new byte[len];
        System.arraycopy(b, pos[0] + 2, v, 0, len);
        pos[0] += 2 + len;
        return new BigInteger(1, v);
    }
}
