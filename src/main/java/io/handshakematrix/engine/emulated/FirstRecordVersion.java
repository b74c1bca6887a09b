package io.handshakematrix.engine.emulated;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the ClientHello's record-layer version the profile states ({@code client_hello.record_version}).
 * BouncyCastle always frames the first ClientHello as {03,01} (RFC 5246 E.1 allows any {03,XX}); GnuTLS 3.7 sends
 * {03,03}. The record header is not part of the handshake transcript, so bytes 1 and 2 of the stream (the first
 * record's version) can be replaced on their way to the socket without touching the Finished messages.
 */
final class FirstRecordVersion extends FilterOutputStream {
    private final byte major;
    private final byte minor;
    private long written;

    private FirstRecordVersion(OutputStream out, int version) {
        super(out);
        this.major = (byte) (version >>> 8);
        this.minor = (byte) version;
    }

    /** {@code out} itself where the profile's version is BouncyCastle's own (0x0301) or not stated (0). */
    static OutputStream wrap(OutputStream out, int version) {
        return version == 0 || version == 0x0301 ? out : new FirstRecordVersion(out, version);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (written < 3) {
            b = b.clone();
            for (int i = 0; i < len; i++) {
                long at = written + i;
                if (at == 1) {
                    b[off + i] = major;
                } else if (at == 2) {
                    b[off + i] = minor;
                }
            }
        }
        written += len;
        out.write(b, off, len);
    }
}
