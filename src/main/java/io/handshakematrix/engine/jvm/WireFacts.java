package io.handshakematrix.engine.jvm;

import io.handshakematrix.engine.wire.HandshakeNames;
import io.handshakematrix.model.CipherSuites;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Optional;

/**
 * What one direction of a TLS 1.0-1.2 connection shows in clear: the first fatal alert, the handshake
 * messages up to the ChangeCipherSpec, the suite in a ServerHello and the DH prime in a DHE
 * ServerKeyExchange. The jvm engine reads these from the bytes a child-JVM stack sent and received, so
 * alerts and DH sizes are what went over the wire, whatever the provider's API would admit to.
 */
final class WireFacts {
    Integer fatalAlert;
    String lastHandshake;
    Integer serverHelloSuite;
    byte[] serverKeyExchange;

    static WireFacts of(byte[] wire) {
        WireFacts f = new WireFacts();
        ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        int pos = 0;
        while (wire.length - pos >= 5) {
            int type = wire[pos] & 0xFF;
            int len = ((wire[pos + 3] & 0xFF) << 8) | (wire[pos + 4] & 0xFF);
            if (wire.length - pos - 5 < len || (wire[pos + 1] & 0xFF) != 3) {
                break; // truncated or not TLS: what came before still counts
            }
            int body = pos + 5;
            pos = body + len;
            if (type == 20) {
                break; // ChangeCipherSpec: the rest is encrypted
            }
            if (type == 21 && len == 2 && wire[body] == 2 && f.fatalAlert == null) {
                f.fatalAlert = wire[body + 1] & 0xFF;
            } else if (type == 22) {
                handshake.write(wire, body, len);
            }
        }
        f.messages(handshake.toByteArray());
        return f;
    }

    private void messages(byte[] hs) {
        int pos = 0;
        while (hs.length - pos >= 4) {
            int type = hs[pos] & 0xFF;
            int len = ((hs[pos + 1] & 0xFF) << 16) | ((hs[pos + 2] & 0xFF) << 8) | (hs[pos + 3] & 0xFF);
            if (hs.length - pos - 4 < len) {
                return;
            }
            byte[] body = java.util.Arrays.copyOfRange(hs, pos + 4, pos + 4 + len);
            lastHandshake = HandshakeNames.of(type);
            if (type == 2) {
                serverHelloSuite = suiteOfServerHello(body);
            } else if (type == 12) {
                serverKeyExchange = body;
            }
            pos += 4 + len;
        }
    }

    /** ServerHello: version(2) random(32) session_id<0..32> cipher_suite(2). */
    private static Integer suiteOfServerHello(byte[] b) {
        if (b.length < 35) {
            return null;
        }
        int sid = b[34] & 0xFF;
        return b.length < 37 + sid ? null : ((b[35 + sid] & 0xFF) << 8) | (b[36 + sid] & 0xFF);
    }

    /**
     * The prime of a DHE ServerKeyExchange (its first opaque16 field), if this connection used DHE. Call it
     * on the server-to-client direction, which carries both the ServerHello and the ServerKeyExchange.
     */
    Optional<BigInteger> dhPrime() {
        Integer suite = serverHelloSuite;
        byte[] ske = serverKeyExchange;
        boolean dhe = suite != null && CipherSuites.name(suite).map(CipherSuites::isDhe).orElse(false);
        if (!dhe || ske == null || ske.length < 2) {
            return Optional.empty();
        }
        int len = ((ske[0] & 0xFF) << 8) | (ske[1] & 0xFF);
        return ske.length < 2 + len ? Optional.empty()
                : Optional.of(new BigInteger(1, java.util.Arrays.copyOfRange(ske, 2, 2 + len)));
    }
}
