package io.handshakematrix.engine.emulated;

import java.math.BigInteger;

/**
 * p, g and Ys as read from a DHE ServerKeyExchange body (RFC 5246 7.4.3 ServerDHParams), and in TLS 1.2 the
 * signature algorithm that follows them ({@code sigAlg}, hash byte first; null before TLS 1.2 or when cut short).
 */
record ParsedServerDh(BigInteger p, BigInteger g, BigInteger ys, Integer sigAlg) {

    /** Null when the framing is broken; BouncyCastle's own parser then reports it. */
    static ParsedServerDh parse(byte[] body, boolean tls12) {
        int[] pos = {0};
        BigInteger p = opaque16(body, pos);
        BigInteger g = p == null ? null : opaque16(body, pos);
        BigInteger ys = g == null ? null : opaque16(body, pos);
        return ys == null ? null : new ParsedServerDh(p, g, ys, tls12 ? u16(body, pos[0]) : null);
    }

    /**
     * The signature algorithm of a TLS 1.2 ECDHE ServerKeyExchange (RFC 8422 5.4: curve_type, named curve, point,
     * then the signature), or null when the message is not framed so.
     */
    static Integer ecdheSigAlg(byte[] body) {
        if (body.length < 4 || body[0] != 3) { // 3 = named_curve
            return null;
        }
        return u16(body, 4 + (body[3] & 0xFF));
    }

    private static Integer u16(byte[] b, int at) {
        return b.length - at < 2 ? null : ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
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
