package io.handshakematrix.engine.jvm.shim;

import io.handshakematrix.engine.shim.StandardSuiteNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One side of one handshake in the child, then the harness's "secure ping". What the side saw comes back
 * as the fields of one shim-protocol answer (one JSON line): whether it completed, protocol and suite (OpenSSL
 * names), the exception the stack threw (its own words, "errors"), whether the peer closed or went silent, and the raw bytes both ways for the harness's
 * wire parser. Verdicts are the harness's business; the shim reports, it does not judge.
 */
final class ShimHandshake {
    private static final byte[] PING = "PING".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PONG = "PONG".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> PROTOCOL_ORDER = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    private final SSLContext context;

    ShimHandshake(SSLContext context) {
        this.context = context;
    }

    /**
     * The suites of {@code suites} this stack can enable at all. A suite its provider does not implement (Temurin
     * 25 and BCJSSE FIPS: TLS_RSA_*) cannot be switched on, so a receiver configured with it serves the rest,
     * possibly none, and the handshake ends as the stack itself ends it: a finding about the stack, not a skip.
     */
    String[] enableable(List<String> suites) {
        List<String> known = Arrays.asList(context.getSupportedSSLParameters().getCipherSuites());
        return suites.stream().filter(known::contains).toArray(String[]::new);
    }

    /** Listens on 127.0.0.1, tells {@code listening} the port, serves one handshake with only {@code suites}. */
    Map<String, Object> serve(List<String> suites, int timeoutMs, Consumer<Integer> listening) throws IOException {
        try (ServerSocket ss = new TappingServerSocket()) {
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            ss.setSoTimeout(timeoutMs);
            listening.accept(ss.getLocalPort());
            TappedSocket raw;
            try {
                raw = (TappedSocket) ss.accept();
            } catch (SocketTimeoutException e) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("timedOut", true);
                r.put("completed", false);
                r.put("errors", List.of("(nobody connected)"));
                return r;
            }
            return run(raw, timeoutMs, s -> {
                s.setUseClientMode(false);
                s.setEnabledCipherSuites(enableable(suites));
            }, s -> {
                InputStream in = s.getInputStream();
                in.readNBytes(PING.length);
                s.getOutputStream().write(PONG);
                s.getOutputStream().flush();
            });
        }
    }

    /** Connects to 127.0.0.1:{@code port} offering the stack's default suites and protocols up to {@code maxProtocol}. */
    Map<String, Object> connect(int port, String maxProtocol, int timeoutMs) throws IOException {
        TappedSocket raw = new TappedSocket();
        try {
            raw.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeoutMs);
        } catch (IOException e) {
            raw.close();
            throw e;
        }
        int cap = PROTOCOL_ORDER.indexOf(maxProtocol);
        return run(raw, timeoutMs, s -> {
            s.setUseClientMode(true);
            String[] protocols = Arrays.stream(s.getEnabledProtocols())
                    .filter(p -> PROTOCOL_ORDER.indexOf(p) >= 0 && PROTOCOL_ORDER.indexOf(p) <= cap)
                    .toArray(String[]::new);
            s.setEnabledProtocols(protocols);
        }, s -> {
            s.getOutputStream().write(PING);
            s.getOutputStream().flush();
            byte[] pong = s.getInputStream().readNBytes(PONG.length);
            if (pong.length != PONG.length) {
                throw new IOException("(no answer to the secure ping)");
            }
        });
    }

    private interface SocketStep {
        void apply(SSLSocket s) throws IOException;
    }

    private Map<String, Object> run(TappedSocket raw, int timeoutMs, SocketStep setUp, SocketStep ping) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("completed", false);
        List<String> failure = new ArrayList<>();
        try (raw) {
            raw.setSoTimeout(timeoutMs);
            raw.setTcpNoDelay(true);
            SSLSocket s = (SSLSocket) context.getSocketFactory()
                    .createSocket(raw, "127.0.0.1", raw.getPort(), true);
            try (s) {
                setUp.apply(s);
                s.startHandshake();
                r.put("completed", true);
                r.put("protocol", s.getSession().getProtocol());
                r.put("suite", StandardSuiteNames.openssl(s.getSession().getCipherSuite()));
                ping.apply(s);
            }
        } catch (Throwable t) { // an Error too: approved-only bc-fips throws one on RSA key exchange
            failure.add(t.toString());
        }
        r.put("dh_bits", null); // the harness reads the group off the wire copy
        r.put("errors", failure);
        r.put("peerClosed", raw.peerClosed());
        r.put("timedOut", raw.timedOut());
        r.put("wire", raw.wire());
        r.put("wire_us", raw.wireMicros());
        return r;
    }

    /** Accepted connections are {@link TappedSocket}s. */
    private static final class TappingServerSocket extends ServerSocket {
        TappingServerSocket() throws IOException {
            super();
        }

        @Override
        public Socket accept() throws IOException {
            TappedSocket s = new TappedSocket();
            implAccept(s);
            return s;
        }
    }
}
