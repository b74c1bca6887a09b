package io.handshakematrix.engine.container;

import io.handshakematrix.engine.wire.RecordTranscript;
import io.handshakematrix.engine.wire.WireFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A one-connection TCP relay on 127.0.0.1 in front of a real stack, so the harness sees every byte a
 * container side sends and receives ({@link WireFacts}, and an s_client -msg style transcript), the same
 * way for OpenSSL and GnuTLS. Half-closes are passed on, so "closed without an alert" stays visible.
 */
final class TcpRelay implements AutoCloseable {
    /**
     * Threads for every relay of the run: three per relay, two relays per image cell. Started anew each time they
     * cost a measurable share of the image tier's CPU (some 13,000 thread starts per bench run); idle ones end
     * after a minute.
     */
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tcp-relay");
        t.setDaemon(true);
        return t;
    });

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final WireFacts facts = new WireFacts();
    private final RecordTranscript transcript;
    private final CountDownLatch done = new CountDownLatch(2);
    private volatile Socket client;
    private volatile Socket server;
    private volatile String failure;

    /** {@code clientView}: the transcript is written from the TLS client's side (>>> = client sent). */
    TcpRelay(InetSocketAddress target, boolean clientView, int timeoutMs) throws IOException {
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IOException("refusing to relay to non-loopback " + target);
        }
        this.target = target;
        this.transcript = new RecordTranscript(false);
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(timeoutMs);
        THREADS.execute(() -> acceptAndPump(clientView, timeoutMs));
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    WireFacts facts() { return facts; }

    RecordTranscript transcript() { return transcript; }

    /** Why the relay could not do its job (nobody connected, target refused); null if it relayed. */
    String failure() { return failure; }

    boolean connected() { return client != null && server != null; }

    /** Waits until both directions ended; false if they had not within {@code timeoutMs}. */
    boolean awaitClosed(long timeoutMs) throws InterruptedException {
        return done.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    private void acceptAndPump(boolean clientView, int timeoutMs) {
        try (ServerSocket l = listener) {
            client = l.accept();
            server = new Socket();
            server.connect(target, timeoutMs);
            // TLS records are small and answered at once: Nagle's delay (plus delayed ACKs) would add ~40 ms a flight
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException e) {
            failure = (client == null ? "nobody connected: " : "cannot reach " + target + ": ") + e.getMessage();
            closeQuietly(client);
            done.countDown();
            done.countDown();
            return;
        }
        start(client, server, facts.from(true), true, clientView);
        start(server, client, facts.from(false), false, clientView);
    }

    private void start(Socket from, Socket to, WireFacts.Direction dir, boolean fromClient, boolean clientView) {
        THREADS.execute(() -> pump(from, to, dir, fromClient == clientView));
    }

    private void pump(Socket from, Socket to, WireFacts.Direction dir, boolean sentByViewer) {
        byte[] buf = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) > 0) {
                dir.feed(buf, 0, n);
                if (sentByViewer) {
                    transcript.sent(buf, 0, n);
                } else {
                    transcript.received(buf, 0, n);
                }
                out.write(buf, 0, n);
                out.flush();
            }
            dir.closed();
            transcript.closed(sentByViewer);
            to.shutdownOutput();
        } catch (IOException e) {
            dir.closed(); // a reset ends this direction as a close does
            transcript.closed(sentByViewer);
            closeQuietly(to);
        } finally {
            done.countDown();
        }
    }

    @Override
    public void close() {
        closeQuietly(client);
        closeQuietly(server);
        try {
            listener.close();
        } catch (IOException ignored) {
            // a listening socket holds no data
        }
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing an already broken connection
            }
        }
    }
}
