package io.handshakematrix.engine.wire;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What one connection may cost us, whatever the peer does. The per-read timeout alone lets a peer
 * hold a handshake for ever: a flight trickled one byte every 2 s never trips a 3 s read timeout, and endless
 * HelloRequests or warning alerts keep the reads busy while the transcript grows. So beside it:
 * <ul>
 * <li>a total deadline for the connection: each read waits at most until it, and a watchdog closes the socket
 * shortly after it in case a write or a computation is what hangs;</li>
 * <li>a cap on the records and on the bytes the peer may send. A TLS 1.2 handshake is about ten records and,
 * with a 16384-bit DH group and a certificate chain, some tens of kilobytes; the caps are far above that.</li>
 * </ul>
 * Passing a cap is {@link Exceeded}, a harness bound (outcome {@code error}), not a stack's verdict; passing the
 * deadline is a {@link DeadlineExceeded}, a {@link SocketTimeoutException} (outcome {@code timeout}).
 */
public record PeerBounds(Duration deadline, int maxRecords, long maxBytes) {
    public static final int MAX_RECORDS = 1_000;
    public static final long MAX_BYTES = 1 << 20;
    /** The watchdog closes the socket this long after the deadline; reads end at the deadline itself. */
    private static final long GRACE_MS = 2_000;
    /** One thread for every connection's watchdog; a cancelled one leaves the queue at once (no socket kept). */
    private static final ScheduledExecutorService WATCHDOG = watchdog();

    private static ScheduledExecutorService watchdog() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "peer-deadline-watchdog");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        return e;
    }

    /** The default: a deadline of twice the per-read timeout (the runner waits 2 x timeout + 1 s for a receiver). */
    public static PeerBounds forTimeout(Duration perRead) {
        return new PeerBounds(perRead.multipliedBy(2), MAX_RECORDS, MAX_BYTES);
    }

    public PeerBounds withDeadline(Duration d) {
        return new PeerBounds(d, maxRecords, maxBytes);
    }

    /** A cap was passed: the peer sent more records or bytes than any handshake needs. */
    public static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    /** The connection's total deadline passed while waiting for the peer. */
    public static final class DeadlineExceeded extends SocketTimeoutException {
        DeadlineExceeded(String message) {
            super(message);
        }
    }

    /** The bounded input of one connection; {@link #close()} stops its watchdog. */
    public Guard guard(Socket socket, int perReadMs) throws IOException {
        return new Guard(socket, socket.getInputStream(), perReadMs);
    }

    /** The first {@link Exceeded} in {@code e}'s cause chain, if any (a TLS library may wrap it). */
    public static Exceeded exceededIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Exceeded x) {
                return x;
            }
        }
        return null;
    }

    /** One connection's input stream with the bounds applied; counts the peer's records as they pass. */
    public final class Guard extends FilterInputStream implements AutoCloseable {
        private final Socket socket;
        private final int perReadMs;
        private final long endNanos;
        private final ScheduledFuture<?> watchdog;
        private long bytes;
        private int records;
        private int headerPos;
        private int lengthHigh;
        private long bodyLeft;

        private Guard(Socket socket, InputStream in, int perReadMs) {
            super(in);
            this.socket = socket;
            this.perReadMs = perReadMs;
            this.endNanos = System.nanoTime() + deadline.toNanos();
            this.watchdog = WATCHDOG.schedule(() -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all the watchdog is for
                }
            }, deadline.toMillis() + GRACE_MS, TimeUnit.MILLISECONDS);
        }

        /** Whether the peer sent at least one whole record header: false for a bare connect and close. */
        public boolean sentARecord() {
            return records > 1 || (records == 1 && headerPos == 0);
        }

        public long bytes() {
            return bytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            long leftMs = (endNanos - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new DeadlineExceeded(passed());
            }
            boolean deadlineFirst = leftMs < perReadMs;
            socket.setSoTimeout((int) Math.max(1, Math.min(perReadMs, leftMs)));
            int n;
            try {
                n = super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                if (deadlineFirst) {
                    throw new DeadlineExceeded(passed());
                }
                throw e;
            }
            if (n > 0) {
                count(b, off, n);
            }
            return n;
        }

        private String passed() {
            return "the connection's deadline (" + deadline.toMillis() / 1000.0 + " s) passed";
        }

        /** Walks record headers (type, version, 16-bit length) through the stream without buffering it. */
        private void count(byte[] b, int off, int n) throws Exceeded {
            bytes += n;
            if (bytes > maxBytes) {
                throw new Exceeded("the peer sent over " + maxBytes + " bytes on one connection (cap " + maxBytes
                        + "; a handshake needs far less)");
            }
            int i = off;
            int end = off + n;
            while (i < end) {
                if (bodyLeft > 0) {
                    int take = (int) Math.min(bodyLeft, end - i);
                    bodyLeft -= take;
                    i += take;
                    continue;
                }
                int v = b[i++] & 0xFF;
                if (headerPos == 0 && ++records > maxRecords) {
                    throw new Exceeded("the peer sent over " + maxRecords + " TLS records on one connection (cap "
                            + maxRecords + "; a handshake needs about ten)");
                }
                if (headerPos == 3) {
                    lengthHigh = v;
                } else if (headerPos == 4) {
                    bodyLeft = (lengthHigh << 8) | v;
                }
                headerPos = (headerPos + 1) % 5;
            }
        }

        @Override
        public void close() throws IOException {
            watchdog.cancel(false);
            super.close();
        }
    }
}
