package io.handshakematrix.engine.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A ClientHello or ServerHello handshake message (type, 24-bit length, body; RFC 5246 7.4.1.2 / 7.4.1.3),
 * decoded field by field: the byte checks compare these fields, and the emulated stacks use
 * {@link #withExtensionOrder} to put their extensions in the real stack's order.
 * Written by hand: BouncyCastle parses hellos into Hashtables, which lose the order on the wire.
 */
public record HelloMessage(int type, int version, byte[] random, byte[] sessionId, List<Integer> cipherSuites,
                           List<Integer> compression, List<Extension> extensions, boolean hasExtensionsBlock) {
    public static final int CLIENT_HELLO = 1;
    public static final int SERVER_HELLO = 2;

    /** One extension: type and extension_data. */
    public record Extension(int type, byte[] data) {
        public String hex() {
            return HexFormat.of().formatHex(data);
        }
    }

    /** Decodes a whole handshake message; empty if it is not a well-formed ClientHello or ServerHello. */
    public static Optional<HelloMessage> decode(byte[] msg, int off, int len) {
        try {
            return Optional.ofNullable(parse(msg, off, len));
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static HelloMessage parse(byte[] b, int off, int len) {
        if (len < 4) {
            return null;
        }
        int type = b[off] & 0xFF;
        int bodyLen = u24(b, off + 1);
        if ((type != CLIENT_HELLO && type != SERVER_HELLO) || bodyLen != len - 4) {
            return null;
        }
        int end = off + len;
        int p = off + 4;
        int version = u16(b, p);
        p += 2;
        byte[] random = slice(b, p, 32, end);
        p += 32;
        int sidLen = b[p++] & 0xFF;
        byte[] sid = slice(b, p, sidLen, end);
        p += sidLen;
        List<Integer> suites = new ArrayList<>();
        List<Integer> compression = new ArrayList<>();
        if (type == CLIENT_HELLO) {
            int n = u16(b, p);
            p += 2;
            for (int i = 0; i < n; i += 2) {
                suites.add(u16(b, p + i));
            }
            p += n;
            int c = b[p++] & 0xFF;
            for (int i = 0; i < c; i++) {
                compression.add(b[p + i] & 0xFF);
            }
            p += c;
        } else {
            suites.add(u16(b, p));
            p += 2;
            compression.add(b[p++] & 0xFF);
        }
        List<Extension> exts = new ArrayList<>();
        boolean block = p < end;
        if (block) {
            int total = u16(b, p);
            p += 2;
            if (p + total != end) {
                return null;
            }
            while (p < end) {
                int t = u16(b, p);
                int l = u16(b, p + 2);
                exts.add(new Extension(t, slice(b, p + 4, l, end)));
                p += 4 + l;
            }
        }
        if (p > end) {
            return null;
        }
        return new HelloMessage(type, version, random, sid, List.copyOf(suites), List.copyOf(compression),
                List.copyOf(exts), block);
    }

    public List<Integer> extensionTypes() {
        return extensions.stream().map(Extension::type).toList();
    }

    public Optional<Extension> extension(int type) {
        return extensions.stream().filter(e -> e.type() == type).findFirst();
    }

    /**
     * This message re-encoded with its extensions in {@code order} (types not named keep their relative
     * order after those named). Same length, same contents: only the order on the wire changes.
     */
    public byte[] withExtensionOrder(List<Integer> order) {
        List<Extension> sorted = new ArrayList<>(extensions);
        sorted.sort(Comparator.comparingInt(e -> order.contains(e.type()) ? order.indexOf(e.type()) : order.size()));
        return new HelloMessage(type, version, random, sessionId, cipherSuites, compression, sorted,
                hasExtensionsBlock).encode();
    }

    public byte[] encode() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        u16(body, version);
        body.writeBytes(random);
        body.write(sessionId.length);
        body.writeBytes(sessionId);
        if (type == CLIENT_HELLO) {
            u16(body, cipherSuites.size() * 2);
            cipherSuites.forEach(s -> u16(body, s));
            body.write(compression.size());
            compression.forEach(body::write);
        } else {
            u16(body, cipherSuites.get(0));
            body.write(compression.get(0));
        }
        if (hasExtensionsBlock) {
            ByteArrayOutputStream ext = new ByteArrayOutputStream();
            for (Extension e : extensions) {
                u16(ext, e.type());
                u16(ext, e.data().length);
                ext.writeBytes(e.data());
            }
            u16(body, ext.size());
            body.writeBytes(ext.toByteArray());
        }
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        msg.write(type);
        int n = body.size();
        msg.write(n >>> 16);
        msg.write(n >>> 8);
        msg.write(n);
        msg.writeBytes(body.toByteArray());
        return msg.toByteArray();
    }

    private static byte[] slice(byte[] b, int from, int n, int end) {
        if (from + n > end) {
            throw new IndexOutOfBoundsException("field runs past the message");
        }
        byte[] out = new byte[n];
        System.arraycopy(b, from, out, 0, n);
        return out;
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u24(byte[] b, int at) {
        return ((b[at] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] & 0xFF);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
