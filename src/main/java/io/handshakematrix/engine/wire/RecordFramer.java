package io.handshakematrix.engine.wire;

import java.io.ByteArrayOutputStream;

/**
 * Cuts one direction of a TCP stream into TLS records (RFC 5246 6.2.1: type, version, 16-bit length),
 * however the bytes arrive. Once bytes appear that are no TLS record header, the stream is "not TLS" and
 * the rest is ignored. Shared by the transcript and the container tier's wire reader.
 */
public final class RecordFramer {
    /** Receives each complete record: content type, version bytes, and the fragment. */
    public interface Sink {
        void record(int type, int major, int minor, byte[] b, int off, int len);
    }

    /** Told once, with the bytes from the first one that is no record header. */
    public interface NotTls {
        void notTls(byte[] b, int off, int len);
    }

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean notTls;

    public void feed(byte[] b, int off, int len, Sink sink, NotTls onNotTls) {
        if (notTls || len <= 0) {
            return;
        }
        pending.write(b, off, len);
        byte[] buf = pending.toByteArray();
        int pos = 0;
        while (buf.length - pos >= 5) {
            int type = buf[pos] & 0xFF;
            int major = buf[pos + 1] & 0xFF;
            int length = ((buf[pos + 3] & 0xFF) << 8) | (buf[pos + 4] & 0xFF);
            if (type < 20 || type > 24 || major != 3) {
                notTls = true;
                onNotTls.notTls(buf, pos, buf.length - pos);
                return;
            }
            if (buf.length - pos < 5 + length) {
                break;
            }
            sink.record(type, major, buf[pos + 2] & 0xFF, buf, pos + 5, length);
            pos += 5 + length;
        }
        pending.reset();
        pending.write(buf, pos, buf.length - pos);
    }
}
