package io.handshakematrix.engine.wire;

import io.handshakematrix.model.CipherSuites;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the bytes between a TLS 1.0-1.2 client and server show in clear, in both directions: alerts, handshake
 * messages up to the ChangeCipherSpec, application data, who closed first, the ServerHello's version and suite, and
 * the DHE prime of the ServerKeyExchange. These are facts about bytes, the same for every stack, so a side's alert,
 * completion and DH size never depend on parsing a tool's text output or trusting a provider's API. The one reader
 * of the wire: a relay feeds it as bytes pass (container, image and product tiers), the JVM tier replays what its
 * child's tapped socket saw; {@link RecordTranscript} renders the same records and messages as lines.
 */
public final class WireFacts {
    private final Direction fromClient = new Direction(true);
    private final Direction fromServer = new Direction(false);
    private String protocol;
    private String cipher;
    private BigInteger dhPrime;

    /** The bytes the client sent ({@code client} true) or the server sent. */
    public Direction from(boolean client) {
        return client ? fromClient : fromServer;
    }

    /** The ServerHello's version ("TLSv1.2"), null before one passed. */
    public synchronized String protocol() { return protocol; }

    /** The ServerHello's suite by its OpenSSL name (or "0x%04X"), null before one passed. */
    public synchronized String cipher() { return cipher; }

    /** The size of the DHE prime the server sent, null if none (not DHE, or not yet). */
    public synchronized Integer dhBits() { return dhPrime == null ? null : dhPrime.bitLength(); }

    /** The DHE prime the server sent (its ServerKeyExchange's first field), if this connection used DHE. */
    public synchronized Optional<BigInteger> dhPrime() { return Optional.ofNullable(dhPrime); }

    /** Both sides switched to the negotiated keys, no plaintext alert came, and data flowed after that. */
    public boolean handshakeCompleted() {
        synchronized (fromClient) {
            synchronized (fromServer) {
                return fromClient.ccs && fromServer.ccs && fromClient.alert == null && fromServer.alert == null
                        && (fromClient.appData || fromServer.appData);
            }
        }
    }

    /** One direction of the connection, fed its bytes in order, however they are split. */
    public final class Direction {
        private final boolean client;
        private final RecordFramer framer = new RecordFramer();
        private final HandshakeReassembler messages = new HandshakeReassembler();
        private boolean ccs;
        private boolean appData;
        private Integer alert;
        private Integer fatalAlert;
        private long alertAt;
        private long closedAt;
        private String lastHandshake;

        private Direction(boolean client) {
            this.client = client;
        }

        /** The first plaintext alert of any level sent this way; null if none. */
        public synchronized Integer alert() { return alert; }

        /** The first plaintext fatal alert sent this way; null if none. */
        public synchronized Integer fatalAlert() { return fatalAlert; }

        /** When this direction's first plaintext alert passed; empty if none. */
        public synchronized OptionalLong alertAt() { return alert == null ? OptionalLong.empty() : OptionalLong.of(alertAt); }

        /** When the sender of this direction closed (FIN or reset); empty while open. */
        public synchronized OptionalLong closedAt() { return closedAt == 0 ? OptionalLong.empty() : OptionalLong.of(closedAt); }

        /** The last plaintext handshake message sent this way, null before the first. */
        public synchronized String lastHandshake() { return lastHandshake; }

        public synchronized void closed() {
            if (closedAt == 0) {
                closedAt = System.nanoTime();
            }
        }

        /** All of this direction's bytes at once (a replayed copy). */
        public void feed(byte[] b) {
            feed(b, 0, b.length);
        }

        public synchronized void feed(byte[] b, int off, int len) {
            framer.feed(b, off, len, (type, major, minor, buf, o, l) -> record(type, buf, o, l), (buf, o, l) -> { });
        }

        private void record(int type, byte[] b, int off, int len) {
            if (type == 23) {
                appData = true; // after the keys changed too: data flowing is what shows the handshake completed
            }
            if (ccs) {
                return; // after its ChangeCipherSpec, the rest of this direction is encrypted
            }
            switch (type) {
                case 20 -> ccs = true;
                case 21 -> {
                    if (len == 2 && alert == null) {
                        alert = b[off + 1] & 0xFF;
                        alertAt = System.nanoTime();
                    }
                    if (len == 2 && b[off] == 2 && fatalAlert == null) {
                        fatalAlert = b[off + 1] & 0xFF;
                    }
                }
                case 22 -> messages.feed(b, off, len, this::message);
                default -> { }
            }
        }

        private void message(int type, byte[] b, int headerOff, int len) {
            lastHandshake = HandshakeNames.of(type);
            if (!client) {
                serverMessage(type, b, headerOff + 4, len);
            }
        }
    }

    /** What the server's handshake says in clear: the version, the suite, and a DHE group's prime. */
    private void serverMessage(int type, byte[] b, int off, int len) {
        if (type == 2 && len >= 38) { // ServerHello: version(2) random(32) sid_len(1) sid suite(2)
            int sid = b[off + 34] & 0xFF;
            if (len >= 37 + sid) {
                int suite = ((b[off + 35 + sid] & 0xFF) << 8) | (b[off + 36 + sid] & 0xFF);
                synchronized (this) {
                    protocol = protocolName(b[off] & 0xFF, b[off + 1] & 0xFF);
                    cipher = CipherSuites.name(suite).orElse(String.format("0x%04X", suite));
                }
            }
        } else if (type == 12 && len >= 2) { // a DHE ServerKeyExchange starts with p<1..2^16-1>
            synchronized (this) {
                int plen = ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
                if (cipher != null && CipherSuites.known(cipher) && CipherSuites.isDhe(cipher) && len >= 2 + plen) {
                    dhPrime = new BigInteger(1, Arrays.copyOfRange(b, off + 2, off + 2 + plen));
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
