package io.handshakematrix.engine.jvm.shim;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A plain TCP socket that keeps a copy of every byte in both directions and notes EOF, a reset or a
 * timeout. The TLS socket is layered on top of it, so the harness sees exactly what went over the wire
 * (alerts, the ServerKeyExchange) however the provider behaves; JSSE and BCJSSE read the layered
 * socket's streams through these overrides (checked on JDK 17 and 25).
 */
final class TappedSocket extends Socket {
    private static final int MAX_COPY = 256 * 1024; // a handshake plus the ping; bounds memory on a runaway peer

    private final List<String> chunks = new ArrayList<>();
    private final List<Long> chunkNanos = new ArrayList<>(); // when each chunk crossed: the harness times its events
    private int copied;
    private volatile boolean peerClosed;
    private volatile boolean timedOut;
    private InputStream in;
    private OutputStream out;

    TappedSocket() {
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
        if (in == null) {
            in = new FilterInputStream(super.getInputStream()) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    int n = read(one, 0, 1);
                    return n < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n;
                    try {
                        n = super.read(b, off, len);
                    } catch (SocketTimeoutException e) {
                        timedOut = true;
                        throw e;
                    } catch (IOException e) {
                        peerGone(); // reset by the peer: gone, as with EOF
                        throw e;
                    }
                    if (n < 0) {
                        peerGone();
                    } else {
                        copy('<', b, off, n);
                    }
                    return n;
                }
            };
        }
        return in;
    }

    @Override
    public synchronized OutputStream getOutputStream() throws IOException {
        if (out == null) {
            OutputStream raw = super.getOutputStream();
            out = new FilterOutputStream(raw) {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    raw.write(b, off, len);
                    copy('>', b, off, len);
                }
            };
        }
        return out;
    }

    /** Marks the moment the peer went away ('!'): what this side writes afterwards never reaches it. */
    private synchronized void peerGone() {
        if (!peerClosed) {
            peerClosed = true;
            chunks.add("!");
            chunkNanos.add(System.nanoTime());
        }
    }

    /** One chunk as it crossed the socket: '>' sent or '<' received, then the bytes in base64. */
    private synchronized void copy(char direction, byte[] b, int off, int len) {
        if (copied + len <= MAX_COPY) {
            copied += len;
            chunks.add(direction + Base64.getEncoder().encodeToString(Arrays.copyOfRange(b, off, off + len)));
            chunkNanos.add(System.nanoTime());
        }
    }

    /** Both directions in the order they happened, so the harness can replay them into a transcript. */
    synchronized List<String> wire() {
        return List.copyOf(chunks);
    }

    /** Microseconds from the first chunk to each chunk of {@link #wire()}, in the same order. */
    synchronized List<Long> wireMicros() {
        List<Long> out = new ArrayList<>(chunkNanos.size());
        for (long t : chunkNanos) {
            out.add((t - chunkNanos.get(0)) / 1000);
        }
        return out;
    }

    boolean peerClosed() {
        return peerClosed;
    }

    boolean timedOut() {
        return timedOut;
    }
}
