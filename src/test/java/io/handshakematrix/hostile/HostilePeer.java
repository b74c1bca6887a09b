package io.handshakematrix.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Peers that try to hold the harness, on 127.0.0.1 only, each stopping by itself after a bounded time.
 * Used in-process by the hostile-peer tests and as a program by .ci/hostile (which measures connect/serve under
 * each). Plain JDK sockets: a hostile peer must not depend on the TLS library it attacks.
 * <pre>
 *   java -cp target/test-classes io.handshakematrix.hostile.HostilePeer MODE ...
 *   hello-requests PORT SECONDS        server: after the ClientHello, HelloRequest records without end
 *   warning-alerts PORT SECONDS        server: warning alerts without end
 *   trickle PORT UPSTREAM MS SECONDS   server: relays a real server (UPSTREAM port), its bytes one every MS ms
 *   alerting-client PORT SECONDS       client: warning alerts without end
 *   slowloris PORT N MS SECONDS        N clients, each sending one byte of a ClientHello every MS ms
 *   bare PORT N                        N connections opened and closed without a byte
 * </pre>
 */
public final class HostilePeer implements AutoCloseable {
    /** A TLS 1.2 record: HelloRequest (handshake type 0, empty body). */
    static final byte[] HELLO_REQUEST = {22, 3, 3, 0, 4, 0, 0, 0, 0};
    /** A TLS 1.2 record: warning alert user_canceled (90), which stacks ignore and read on (no_renegotiation would end it). */
    static final byte[] WARNING_ALERT = {21, 3, 3, 0, 2, 1, 90};
    /** The first bytes of a TLS 1.2 ClientHello record (what a slowloris client trickles). */
    static final byte[] CLIENT_HELLO_START = {22, 3, 1, 0, 60, 1, 0, 0, 56, 3, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<AutoCloseable> sockets = new ArrayList<>();
    private final AtomicLong sent = new AtomicLong();
    private volatile int port;

    private HostilePeer() {}

    public int port() {
        return port;
    }

    /** Bytes this peer has written so far. */
    public long sent() {
        return sent.get();
    }

    /** A server on a free port (0) or {@code port} that writes {@code record} without end to each client. */
    public static HostilePeer floodingServer(int port, byte[] record, long seconds) throws IOException {
        HostilePeer h = new HostilePeer();
        ServerSocket ss = h.listen(port);
        h.spawn(() -> h.acceptLoop(ss, s -> {
            long start = System.nanoTime();
            h.spawn(() -> h.drain(s, start));
            OutputStream out = s.getOutputStream();
            byte[] burst = repeat(record, 256);
            while (!h.stop.get()) {
                out.write(burst);
                h.sent.addAndGet(burst.length);
            }
        }));
        h.stopAfter(seconds);
        return h;
    }

    /** A relay to a real server on {@code upstream}: client bytes pass at once, server bytes one every {@code ms}. */
    public static HostilePeer trickle(int port, int upstream, long ms, long seconds) throws IOException {
        HostilePeer h = new HostilePeer();
        ServerSocket ss = h.listen(port);
        h.spawn(() -> h.acceptLoop(ss, client -> {
            long start = System.nanoTime();
            Socket server = new Socket(InetAddress.getLoopbackAddress(), upstream);
            h.keep(server);
            h.spawn(() -> {
                copy(client.getInputStream(), server.getOutputStream(), 0, h);
                h.ended(start); // the harness closed its side
            });
            copy(server.getInputStream(), client.getOutputStream(), ms, h);
        }));
        h.stopAfter(seconds);
        return h;
    }

    /** {@code clients} connections to {@code port}, each writing {@code record} without end. */
    public static HostilePeer floodingClient(int port, byte[] record, long seconds) throws IOException {
        HostilePeer h = new HostilePeer();
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        long start = System.nanoTime();
        h.keep(s);
        h.spawn(() -> h.drain(s, start));
        h.spawn(() -> {
            OutputStream out = s.getOutputStream();
            byte[] burst = repeat(record, 256);
            while (!h.stop.get()) {
                out.write(burst);
                h.sent.addAndGet(burst.length);
            }
        });
        h.stopAfter(seconds);
        return h;
    }

    /** {@code n} clients, each sending one byte of a ClientHello every {@code ms}, never finishing it. */
    public static HostilePeer slowloris(int port, int n, long ms, long seconds) throws IOException {
        HostilePeer h = new HostilePeer();
        for (int i = 0; i < n; i++) {
            Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
            long start = System.nanoTime();
            h.keep(s);
            h.spawn(() -> h.drain(s, start));
            h.spawn(() -> {
                OutputStream out = s.getOutputStream();
                for (int k = 0; !h.stop.get(); k = (k + 1) % CLIENT_HELLO_START.length) {
                    out.write(CLIENT_HELLO_START[k]);
                    out.flush();
                    h.sent.incrementAndGet();
                    Thread.sleep(ms);
                }
            });
        }
        h.stopAfter(seconds);
        return h;
    }

    /** {@code n} bare connect/close cycles, one after another; returns when done. */
    public static void bareConnects(int port, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            }
        }
    }

    private ServerSocket listen(int p) throws IOException {
        ServerSocket ss = new ServerSocket(p, 50, InetAddress.getLoopbackAddress());
        keep(ss);
        port = ss.getLocalPort();
        return ss;
    }

    private interface Body {
        void run() throws Exception;
    }

    private interface Handler {
        void handle(Socket s) throws Exception;
    }

    private void acceptLoop(ServerSocket ss, Handler handler) throws IOException {
        while (!stop.get()) {
            Socket s = ss.accept();
            keep(s);
            spawn(() -> handler.handle(s));
        }
    }

    private synchronized void keep(AutoCloseable c) {
        sockets.add(c);
    }

    private synchronized void spawn(Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                // the harness closed on us, or we were stopped: either way this peer is done
            }
        }, "hostile-peer");
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void stopAfter(long seconds) {
        spawn(() -> {
            Thread.sleep(seconds * 1000);
            close();
        });
    }

    /** Reads whatever the harness sends (so it never blocks writing to us) until it closes the connection. */
    private void drain(Socket s, long start) throws IOException {
        InputStream in = s.getInputStream();
        byte[] b = new byte[4096];
        try {
            while (!stop.get() && in.read(b) >= 0) {
                // discard
            }
        } finally {
            ended(start);
        }
    }

    /**
     * One line per connection the harness ended (EOF or reset), with how long it held it: .ci/hostile takes the
     * largest as the time the harness let this peer hold a connection.
     */
    private void ended(long start) {
        if (!stop.get()) {
            synchronized (System.out) {
                System.out.println("connection ended after " + (System.nanoTime() - start) / 1_000_000 + " ms");
                System.out.flush();
            }
        }
    }

    private static void copy(InputStream in, OutputStream out, long ms, HostilePeer h) throws Exception {
        byte[] b = new byte[4096];
        int n;
        while (!h.stop.get() && (n = in.read(b)) >= 0) {
            if (ms == 0) {
                out.write(b, 0, n);
                out.flush();
                continue;
            }
            for (int i = 0; i < n && !h.stop.get(); i++) {
                out.write(b[i]);
                out.flush();
                h.sent.incrementAndGet();
                Thread.sleep(ms);
            }
        }
    }

    private static byte[] repeat(byte[] r, int times) {
        byte[] out = new byte[r.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(r, 0, out, i * r.length, r.length);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        stop.set(true);
        for (AutoCloseable c : sockets) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is the point
            }
        }
    }

    public static void main(String[] a) throws Exception {
        HostilePeer h;
        switch (a[0]) {
            case "hello-requests" -> h = floodingServer(Integer.parseInt(a[1]), HELLO_REQUEST, Long.parseLong(a[2]));
            case "warning-alerts" -> h = floodingServer(Integer.parseInt(a[1]), WARNING_ALERT, Long.parseLong(a[2]));
            case "trickle" -> h = trickle(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Long.parseLong(a[3]),
                    Long.parseLong(a[4]));
            case "alerting-client" -> h = floodingClient(Integer.parseInt(a[1]), WARNING_ALERT, Long.parseLong(a[2]));
            case "slowloris" -> h = slowloris(Integer.parseInt(a[1]), Integer.parseInt(a[2]), Long.parseLong(a[3]),
                    Long.parseLong(a[4]));
            case "bare" -> {
                long start = System.nanoTime();
                bareConnects(Integer.parseInt(a[1]), Integer.parseInt(a[2]));
                System.out.println("all " + a[2] + " connections ended after " + (System.nanoTime() - start) / 1_000_000 + " ms");
                return;
            }
            default -> throw new IllegalArgumentException("unknown mode " + a[0]);
        }
        System.out.println("hostile peer " + a[0] + " on 127.0.0.1:" + h.port());
        System.out.flush();
        while (!h.stop.get()) {
            Thread.sleep(100);
        }
        System.out.println("hostile peer " + a[0] + " sent " + h.sent() + " bytes");
    }
}
