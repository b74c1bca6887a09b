package io.handshakematrix.engine.container;

import io.handshakematrix.engine.wire.RecordFramer;
import io.handshakematrix.engine.wire.HandshakeNames;
import io.handshakematrix.model.CipherSuites;
import java.io.ByteArrayOutputStream;
import java.util.OptionalLong;

/**
 * What a relay saw on the wire between a TLS client and server, in both directions: alerts, handshake
 * messages, ChangeCipherSpec, application data, who closed first, the ServerHello's version and suite and
 * the DHE prime's size. These are facts about bytes, the same for every real stack, so a container side's
 * alert and completion never depend on parsing a tool's text output.
 * Hand-written because {@link io.handshakematrix.engine.wire.RecordTranscript} renders lines, not facts.
 */
final class WireFacts {
    /** One direction of the connection: bytes the client sent (toServer) or the server sent. */
    final Direction fromClient = new Direction(true);
    final Direction fromServer = new Direction(false);
    private volatile String protocol;
    private volatile String cipher;
    private volatile Integer dhBits;

    synchronized String protocol() { return protocol; }

    synchronized String cipher() { return cipher; }

    synchronized Integer dhBits() { return dhBits; }

    Direction from(boolean client) { return client ? fromClient : fromServer; }

    /** Both sides switched to the negotiated keys, no plaintext alert came, and data flowed after that. */
    synchronized boolean handshakeCompleted() {
        return fromClient.ccs && fromServer.ccs && fromClient.alert == null && fromServer.alert == null
                && (fromClient.appData || fromServer.appData);
    }

    final class Direction {
        private final boolean client;
        private final RecordFramer framer = new RecordFramer();
        private final ByteArrayOutputStream handshake = new ByteArrayOutputStream();
        private boolean ccs;
        private boolean appData;
        private Integer alert;
        private long alertAt;
        private long closedAt;
        private String lastHandshake;

        Direction(boolean client) {
            this.client = client;
        }

        synchronized Integer alert() { return alert; }

        /** When this direction's first plaintext alert passed; empty if none. */
        synchronized OptionalLong alertAt() { return alert == null ? OptionalLong.empty() : OptionalLong.of(alertAt); }

        /** When the sender of this direction closed (FIN or reset); empty while open. */
        synchronized OptionalLong closedAt() { return closedAt == 0 ? OptionalLong.empty() : OptionalLong.of(closedAt); }

        /** The last plaintext handshake message sent in this direction. */
        synchronized String lastHandshake() { return lastHandshake; }

        synchronized void closed() {
            if (closedAt == 0) {
                closedAt = System.nanoTime();
            }
        }

        synchronized void feed(byte[] b, int off, int len) {
            framer.feed(b, off, len, (type, major, minor, buf, o, l) -> record(type, buf, o, l), (buf, o, l) -> { });
        }
        private void record(int type, byte[] b, int off, int len) {
            switch (type) {
                case 20 -> ccs = true;
                case 21 -> {
                    if (!ccs && len == 2 && alert == null) {
                        alert = b[off + 1] & 0xFF;
                        alertAt = System.nanoTime();
                    }
                }
                case 22 -> {
                    if (!ccs) {
                        handshake.write(b, off, len);
                        drainHandshake();
                    }
                }
                case 23 -> appData = true;
                default -> { }
            }
        }

        private void drainHandshake() {
            byte[] hs = handshake.toByteArray();
            int pos = 0;
            while (hs.length - pos >= 4) {
                int mlen = ((hs[pos + 1] & 0xFF) << 16) | ((hs[pos + 2] & 0xFF) << 8) | (hs[pos + 3] & 0xFF);
                if (hs.length - pos < 4 + mlen) {
                    break;
                }
                message(hs[pos] & 0xFF, hs, pos + 4, mlen);
                pos += 4 + mlen;
            }
            handshake.reset();
            handshake.write(hs, pos, hs.length - pos);
        }

        private void message(int type, byte[] b, int off, int len) {
            lastHandshake = HandshakeNames.of(type);
            if (client) {
                return;
            }
            if (type == 2 && len >= 38) { // ServerHello: version(2) random(32) sid_len(1) sid suite(2)
                int sid = b[off + 34] & 0xFF;
                if (len >= 37 + sid) {
                    int suite = ((b[off + 35 + sid] & 0xFF) << 8) | (b[off + 36 + sid] & 0xFF);
                    synchronized (WireFacts.this) {
                        protocol = protocolName(b[off] & 0xFF, b[off + 1] & 0xFF);
                        cipher = CipherSuites.name(suite).orElse(String.format("0x%04X", suite));
                    }
                }
            } else if (type == 12 && len >= 2 && cipher != null && CipherSuites.known(cipher)
                    && CipherSuites.isDhe(cipher)) { // DHE ServerKeyExchange starts with p<2..2^16-1>
                int plen = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
                if (len >= 2 + plen) {
                    byte[] p = java.util.Arrays.copyOfRange(b, off + 2, off + 2 + plen);
                    synchronized (WireFacts.this) {
                        dhBits = new java.math.BigInteger(1, p).bitLength();
                    }
                }
            }
        }
    }

    private static String protocolName(int major, int minor) {
        if (major != 3) {
            return "unknown";
        }
        return switch (minor) {
            case 0 -> "SSLv3";
            case 1 -> "TLSv1";
            case 2 -> "TLSv1.1";
            case 3 -> "TLSv1.2";
            default -> "TLS 3." + minor;
        };
    }
}
