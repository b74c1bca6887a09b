package io.handshakematrix.engine.wire;

import io.handshakematrix.model.TlsAlerts;
import io.handshakematrix.model.WireEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Parses the TLS records flowing through a socket, both directions, into lines in the style of
 * {@code openssl s_client -msg}: {@code >>> TLS 1.2 Handshake [length 0035], ServerKeyExchange}.
 * Engine-neutral: it reads bytes on the wire, so any stack can be traced the same way.
 * Messages after a ChangeCipherSpec are encrypted and shown as such. Each line is also kept as a timed
 * {@link WireEvent} (when the bytes passed: meaningful only where they are fed as they flow, not replayed later).
 */
public final class RecordTranscript {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final List<Timed> events = new ArrayList<>(); // under lines' lock, so lines and events keep one order

    private record Timed(long nanos, boolean sent, String what) {
    }
    private final Direction out = new Direction(">>>");
    private final Direction in = new Direction("<<<");
    private final boolean hex;

    public RecordTranscript(boolean hex) {
        this.hex = hex;
    }

    /** For the timed forms: "the bytes pass now". */
    public static final long NOW = Long.MIN_VALUE;

    /** Bytes this side wrote. */
    public void sent(byte[] b, int off, int len) {
        out.feed(b, off, len, NOW);
    }

    /** Bytes this side read. */
    public void received(byte[] b, int off, int len) {
        in.feed(b, off, len, NOW);
    }

    /** Bytes this side wrote at {@code atNanos} on some clock of its own (a replayed copy timed where it crossed). */
    public void sent(byte[] b, int off, int len, long atNanos) {
        out.feed(b, off, len, atNanos);
    }

    /** Bytes this side read at {@code atNanos}, as {@link #sent(byte[], int, int, long)}. */
    public void received(byte[] b, int off, int len, long atNanos) {
        in.feed(b, off, len, atNanos);
    }

    /**
     * The first bytes this side read that were not a TLS record, e.g. {@code "HTTP/"} (text is quoted, else hex):
     * the peer is not a TLS stack (another service on the port, a broken engine), an environment fault.
     */
    public Optional<String> nonTlsReceived() {
        return Optional.ofNullable(in.nonTls);
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** This side's end of the connection: its peer's direction ended ({@code sent} false) or its own did. */
    public void closed(boolean sent) {
        event(sent, WireEvent.CLOSED, NOW);
    }

    /** As {@link #closed(boolean)}, at {@code atNanos} (a replayed copy). */
    public void closed(boolean sent, long atNanos) {
        event(sent, WireEvent.CLOSED, atNanos);
    }

    /** The events so far, in the order they passed, timed from the first. */
    public List<WireEvent> events() {
        synchronized (lines) {
            long t0 = events.isEmpty() ? 0 : events.get(0).nanos();
            return events.stream() // ms, to a tenth
                    .map(e -> new WireEvent(Math.round((e.nanos() - t0) / 100_000.0) / 10.0, e.sent(), e.what())).toList();
        }
    }

    private void event(boolean sent, String what, long atNanos) {
        synchronized (lines) {
            events.add(new Timed(atNanos == NOW ? System.nanoTime() : atNanos, sent, what));
        }
    }

    private final class Direction {
        private final String arrow;
        private final boolean sent;
        private final RecordFramer framer = new RecordFramer();
        private final HandshakeReassembler messages = new HandshakeReassembler();
        private boolean encrypted;
        private volatile String nonTls;

        Direction(String arrow) {
            this.arrow = arrow;
            this.sent = arrow.equals(">>>");
        }

        private long feedAt = NOW; // when the bytes being fed crossed (NOW: as they are fed)

        synchronized void feed(byte[] b, int off, int len, long atNanos) {
            feedAt = atNanos;
            framer.feed(b, off, len, (type, major, minor, buf, o, l) -> record(type, version(major, minor), buf, o, l),
                    (buf, o, l) -> {
                        lines.add(arrow + " not a TLS record (" + l + " bytes)");
                        event(sent, "not a TLS record (" + l + " bytes)", feedAt);
                        nonTls = preview(buf, o);
                    });
        }
        private void record(int type, String version, byte[] b, int off, int len) {
            String prefix = arrow + " " + version + " ";
            switch (type) {
                case 20 -> {
                    add(prefix + "ChangeCipherSpec [length " + hex4(len) + "]", "ChangeCipherSpec", b, off, len);
                    encrypted = true;
                }
                case 21 -> {
                    if (encrypted || len != 2) {
                        add(prefix + "Alert [length " + hex4(len) + "], encrypted", "Alert (encrypted)", b, off, len);
                    } else {
                        String level = b[off] == 2 ? "fatal" : "warning";
                        int code = b[off + 1] & 0xFF;
                        String alert = "Alert " + level + " " + TlsAlerts.name(code) + " (" + code + ")";
                        add(prefix + "Alert [length 0002], " + level + " " + TlsAlerts.name(code) + " (" + code + ")",
                                alert, b, off, len);
                    }
                }
                case 22 -> {
                    if (encrypted) {
                        add(prefix + "Handshake [length " + hex4(len) + "], encrypted (Finished)", "Finished (encrypted)", b, off, len);
                    } else {
                        handshakeRecord(prefix, b, off, len);
                    }
                }
                case 23 -> add(prefix + "ApplicationData [length " + hex4(len) + "]", "ApplicationData", b, off, len);
                default -> add(prefix + "record type " + type + " [length " + hex4(len) + "]", "record type " + type, b, off,
                        len);
            }
        }

        private void handshakeRecord(String prefix, byte[] b, int off, int len) {
            // each message as it is on the wire, header included
            messages.feed(b, off, len, (type, hs, pos, mlen) -> {
                String name = HandshakeNames.of(type);
                add(prefix + "Handshake [length " + hex4(4 + mlen) + "], " + name, name, hs, pos, 4 + mlen);
            });
        }

        private void add(String line, String eventName, byte[] b, int off, int len) {
            lines.add(line);
            event(sent, eventName, feedAt);
            if (hex) {
                StringBuilder sb = new StringBuilder("    ");
                for (int i = 0; i < len; i++) {
                    sb.append(String.format("%02x", b[off + i] & 0xFF)).append(i % 16 == 15 ? "\n    " : " ");
                }
                lines.add(sb.toString().stripTrailing());
            }
        }
    }

    /** Up to 16 bytes: quoted text if printable ASCII, hex otherwise. */
    static String preview(byte[] b, int off) {
        int n = Math.min(16, b.length - off);
        boolean text = true;
        for (int i = off; i < off + n; i++) {
            text &= (b[i] >= 0x20 && b[i] < 0x7F) || b[i] == '\r' || b[i] == '\n';
        }
        StringBuilder sb = new StringBuilder(text ? "\"" : "");
        for (int i = off; i < off + n; i++) {
            if (text) {
                sb.append(b[i] == '\r' ? "\\r" : b[i] == '\n' ? "\\n" : String.valueOf((char) b[i]));
            } else {
                sb.append(i > off ? " " : "").append(String.format("%02x", b[i] & 0xFF));
            }
        }
        return sb.append(text ? "\"" : "").toString();
    }

    static String version(int major, int minor) {
        return switch (minor) {
            case 0 -> "SSL 3.0";
            case 1 -> "TLS 1.0";
            case 2 -> "TLS 1.1";
            case 3 -> "TLS 1.2";
            default -> "TLS 3." + minor;
        };
    }

    private static String hex4(int n) {
        return String.format("%04x", n);
    }
}
