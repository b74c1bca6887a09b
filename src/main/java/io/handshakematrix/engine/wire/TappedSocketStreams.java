package io.handshakematrix.engine.wire;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Socket streams that copy every byte into a {@link RecordTranscript}. */
public final class TappedSocketStreams {
    private TappedSocketStreams() {}

    public static InputStream input(InputStream in, RecordTranscript t) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    t.received(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    t.received(b, off, n);
                }
                return n;
            }
        };
    }

    public static OutputStream output(OutputStream out, RecordTranscript t) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                t.sent(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                t.sent(b, off, len);
            }
        };
    }
}
