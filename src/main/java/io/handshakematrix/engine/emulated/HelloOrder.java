package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.wire.HelloMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.tls.TlsHandshakeHash;
import org.bouncycastle.tls.TlsProtocol;

/**
 * Puts a hello's extensions in the profile's order on the wire. BouncyCastle keeps extensions in a Hashtable
 * and writes the empty ones first (TlsProtocol.writeExtensionsData), so the RHEL order (ec_point_formats,
 * elliptic_curves, then the empty SessionTicket, ...) cannot come out of it. The hello is re-encoded as it
 * goes to the record layer, and the same bytes replace BouncyCastle's copy in the handshake transcript, or
 * the Finished messages would not match. BouncyCastle exposes no hook for the transcript (see
 * {@link BcInternals}; real peers completing the handshake check it); the hash is still buffering at either hello
 * (the PRF hash is fixed only after ServerHello), so the buffer can be rewritten.
 */
final class HelloOrder {
    private final int messageType;
    private final List<Integer> order;

    HelloOrder(int messageType, List<Integer> order) {
        this.messageType = messageType;
        this.order = order;
    }

    /** The record's bytes as they go on the wire: {@code buf} itself unless it is our hello out of order. */
    byte[] rewrite(TlsProtocol protocol, byte[] buf, int off, int len) throws IOException {
        if (len < 4 || (buf[off] & 0xFF) != messageType) {
            return null;
        }
        HelloMessage hello = HelloMessage.decode(buf, off, len).orElse(null);
        if (hello == null) {
            return null;
        }
        byte[] old = Arrays.copyOfRange(buf, off, off + len);
        byte[] reordered = hello.withExtensionOrder(order);
        if (Arrays.equals(old, reordered)) {
            return null;
        }
        replaceTranscriptTail(protocol, old, reordered);
        return reordered;
    }

    private static void replaceTranscriptTail(TlsProtocol protocol, byte[] old, byte[] replacement) throws IOException {
        TlsHandshakeHash hash = BcInternals.handshakeHash(protocol);
        ByteArrayOutputStream buffered = new ByteArrayOutputStream();
        hash.copyBufferTo(buffered);
        byte[] all = buffered.toByteArray();
        int keep = all.length - old.length;
        if (keep < 0 || !Arrays.equals(all, keep, all.length, old, 0, old.length)) {
            throw new IllegalStateException("the handshake transcript does not end with the hello being sent");
        }
        hash.reset();
        hash.update(all, 0, keep);
        hash.update(replacement, 0, replacement.length);
    }
}
