package io.handshakematrix.engine.faults;

import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receivers that break the way environments do: a crashed peer, another service on the port, a
 * hung process, a buggy engine. Raw sockets on 127.0.0.1, no TLS library: each does exactly its
 * fault and reports nothing about it, as a dead container would, so the runner must work the
 * fault out from the healthy side alone. A matrix names one as {@code rhel-6.10@fault-garbage}.
 */
public final class FaultyReceivers implements Engine {
    /** What the receiver does wrong; {@link #engineName()} is the name after '@'. */
    public enum Fault {
        /** Reads the ClientHello and closes: a peer that died mid-handshake. */
        CLOSE_ON_CLIENT_HELLO("fault-close-mid-handshake"),
        /** Answers the ClientHello with an HTTP error: another service holds the port. */
        GARBAGE("fault-garbage"),
        /** Sends a valid ServerHello, then closes: killed between two messages. */
        CLOSE_AFTER_SERVER_HELLO("fault-close-after-serverhello"),
        /** Accepts and never answers: a hung peer. */
        SILENT("fault-silent"),
        /** serve() throws: an engine bug. */
        THROWS("fault-throws"),
        /** Tries to listen on a port another socket already holds. */
        PORT_TAKEN("fault-port-taken");

        private final String engineName;

        Fault(String engineName) {
            this.engineName = engineName;
        }

        public String engineName() {
            return engineName;
        }
    }

    /** An HTTP answer, as a web server on the receiver's port would give. */
    static final byte[] HTTP_ANSWER = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final Fault fault;
    private ServerSocket holder; // PORT_TAKEN: the socket that already has the port

    public FaultyReceivers(Fault fault) {
        this.fault = fault;
    }

    /** The standard engines plus every fault, each under its own name. */
    public static EngineRegistry withStandardEngines() {
        EngineRegistry r = Engines.standard();
        for (Fault f : Fault.values()) {
            r.register(f.engineName(), () -> new FaultyReceivers(f));
        }
        return r;
    }

    @Override
    public String name() {
        return fault.engineName();
    }

    @Override
    public synchronized RunningReceiver serve(ReceiverSpec spec) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (fault == Fault.THROWS) {
            throw new IllegalStateException("injected engine bug in serve()");
        }
        int port = 0;
        if (fault == Fault.PORT_TAKEN) {
            if (holder == null) {
                holder = new ServerSocket(0, 1, loopback);
            }
            port = holder.getLocalPort();
        }
        ServerSocket ss = new ServerSocket(port, 1, loopback); // PORT_TAKEN: BindException here
        int timeoutMs = (int) spec.timeout().toMillis();
        ss.setSoTimeout(timeoutMs);
        CompletableFuture<SideReport> done = CompletableFuture.supplyAsync(() -> misbehave(ss, timeoutMs), task -> {
            Thread t = new Thread(task, fault.engineName()); // its own thread: it blocks on purpose
            t.setDaemon(true);
            t.start();
        });
        return new RunningReceiver() {
            @Override
            public InetSocketAddress address() {
                return (InetSocketAddress) ss.getLocalSocketAddress();
            }

            @Override
            public SideReport await() throws InterruptedException {
                try {
                    return done.get(3L * timeoutMs, TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    return silentReport();
                }
            }

            @Override
            public void close() {
                try {
                    ss.close();
                } catch (IOException ignored) {
                    // a listening socket holds no data
                }
            }
        };
    }

    private SideReport misbehave(ServerSocket ss, int timeoutMs) {
        try (ServerSocket listening = ss; Socket s = listening.accept()) {
            s.setSoTimeout(3 * timeoutMs);
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            if (fault != Fault.SILENT) {
                readRecord(in); // the ClientHello
            }
            switch (fault) {
                case GARBAGE -> {
                    out.write(HTTP_ANSWER);
                    out.flush();
                    drain(in);
                }
                case CLOSE_AFTER_SERVER_HELLO -> {
                    out.write(serverHello());
                    out.flush();
                }
                case SILENT -> drain(in);
                default -> { }
            }
        } catch (IOException ignored) {
            // the healthy side reports what it saw; this peer tells nothing, like a dead process
        }
        return silentReport();
    }

    private static SideReport silentReport() {
        return new SideLog().freeze(List.of());
    }

    private static void readRecord(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] header = new byte[5];
        d.readFully(header);
        d.readFully(new byte[((header[3] & 0xFF) << 8) | (header[4] & 0xFF)]);
    }

    /** Until the peer closes (or the socket timeout ends it). */
    private static void drain(InputStream in) throws IOException {
        byte[] buf = new byte[4096];
        while (in.read(buf) >= 0) {
            // discard
        }
    }

    /** TLS 1.2 ServerHello choosing DHE-RSA-AES256-SHA (0x0039), with an empty renegotiation_info. */
    static byte[] serverHello() {
        byte[] body = new byte[2 + 32 + 1 + 2 + 1 + 2 + 5];
        int i = 0;
        body[i++] = 3;
        body[i++] = 3;
        for (int k = 0; k < 32; k++) {
            body[i++] = (byte) (k + 1);
        }
        body[i++] = 0; // session id length
        body[i++] = 0x00;
        body[i++] = 0x39;
        body[i++] = 0; // null compression
        body[i++] = 0;
        body[i++] = 5; // extensions length
        body[i++] = (byte) 0xFF;
        body[i++] = 0x01; // renegotiation_info
        body[i++] = 0;
        body[i++] = 1;
        body[i] = 0;
        byte[] rec = new byte[5 + 4 + body.length];
        rec[0] = 22;
        rec[1] = 3;
        rec[2] = 3;
        rec[3] = (byte) ((4 + body.length) >> 8);
        rec[4] = (byte) (4 + body.length);
        rec[5] = 2; // ServerHello
        rec[6] = 0;
        rec[7] = (byte) (body.length >> 8);
        rec[8] = (byte) body.length;
        System.arraycopy(body, 0, rec, 9, body.length);
        return rec;
    }

    @Override
    public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
        throw new UnsupportedOperationException(fault.engineName() + " is a receiver-only test peer");
    }

    @Override
    public synchronized void close() {
        if (holder != null) {
            try {
                holder.close();
            } catch (IOException ignored) {
                // test cleanup
            }
        }
    }
}
