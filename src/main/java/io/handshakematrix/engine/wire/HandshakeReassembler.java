package io.handshakematrix.engine.wire;

import java.io.ByteArrayOutputStream;

/**
 * Cuts the plaintext handshake records of one direction into handshake messages (RFC 5246 7.4: type, 24-bit
 * length, body), however the messages are split across records. Shared by the transcript (lines) and
 * {@link WireFacts} (facts), so both read the same messages from the same bytes.
 */
public final class HandshakeReassembler {
    /** Receives each complete message: its type and body (without the 4-byte header). */
    public interface Sink {
        void message(int type, byte[] b, int headerOff, int bodyLen);
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    /** Feeds one handshake record's fragment; each message it completes goes to {@code sink}, in order. */
    public void feed(byte[] b, int off, int len, Sink sink) {
        pending.write(b, off, len);
        byte[] hs = pending.toByteArray();
        int pos = 0;
        while (hs.length - pos >= 4) {
            int mlen = ((hs[pos + 1] & 0xFF) << 16) | ((hs[pos + 2] & 0xFF) << 8) | (hs[pos + 3] & 0xFF);
            if (hs.length - pos < 4 + mlen) {
                break;
            }
            sink.message(hs[pos] & 0xFF, hs, pos, mlen);
            pos += 4 + mlen;
        }
        pending.reset();
        pending.write(hs, pos, hs.length - pos);
    }
}
