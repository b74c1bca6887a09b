package io.handshakematrix.cli;

import io.handshakematrix.TestEnvironment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * serve and connect against real peers on 127.0.0.1: the machine's /usr/bin/openssl (3.0: as a client it
 * refuses DH under 1024 bits even at SECLEVEL 0, and s_server will not load such a group) and a JDK SSLSocket.
 */
class RealPeersTest {
    private static final Path OPENSSL = Path.of("/usr/bin/openssl");
    private static final Pattern LISTENING = Pattern.compile("on 127\\.0\\.0\\.1:(\\d+);");

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsOpenssl() {
        TestEnvironment.require(Files.isExecutable(OPENSSL), () -> "/usr/bin/openssl is not installed");
    }

    /** The serve command on a background thread with its stdout captured; joins after --count handshakes. */
    private static final class Serve implements AutoCloseable {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private final PrintStream old = System.out;
        private final int[] code = {-1};
        private final Thread thread;
        final int port;

        Serve(String... args) throws InterruptedException {
            System.setOut(new PrintStream(buf, true));
            thread = new Thread(() -> code[0] = Main.execute(args), "serve-under-test");
            thread.start();
            int p = -1;
            for (int i = 0; i < 600 && p < 0 && thread.isAlive(); i++) {
                Matcher m = LISTENING.matcher(out());
                p = m.find() ? Integer.parseInt(m.group(1)) : -1;
                Thread.sleep(50);
            }
            port = p;
            assertTrue(port > 0, "serve did not start: " + out());
        }

        synchronized String out() {
            return buf.toString(StandardCharsets.UTF_8);
        }

        int await() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(120));
            return code[0];
        }

        @Override
        public void close() {
            System.setOut(old);
        }
    }

    private static String run(List<String> command, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.US_ASCII));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    private static String sClient(int port) throws IOException, InterruptedException {
        return run(List.of(OPENSSL.toString(), "s_client", "-connect", "127.0.0.1:" + port, "-tls1_2", "-msg"), "PING\n");
    }

    /** Like a product sending a file: handshake, PING, expect PONG. Trusts any certificate, as s_client does. */
    private static String jdkPing(int port) throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String a) {}
            public void checkServerTrusted(X509Certificate[] c, String a) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        }}, new SecureRandom());
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(30_000);
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.startHandshake();
            s.getOutputStream().write("PING".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            return s.getSession().getCipherSuite() + " " + new String(in.readNBytes(4), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void opensslAndJdkClientsAgainstServeWith2048BitDh() throws Exception {
        try (Serve serve = new Serve("serve", "--stack", "rhel-6.10", "--receive-side", "NO", "--dh", "2048",
                "--port", "0", "--count", "2")) {
            String s = sClient(serve.port);
            assertTrue(s.contains("Server Temp Key: DH, 2048 bits"), s);
            assertTrue(s.contains("Cipher is DHE-RSA-AES256-SHA"), s);
            assertEquals("TLS_DHE_RSA_WITH_AES_256_CBC_SHA PONG", jdkPing(serve.port));
            assertEquals(0, serve.await(), serve.out());
            String log = serve.out();
            assertTrue(log.contains("#1 127.0.0.1:") && log.contains("#2 127.0.0.1:"), log);
            assertEquals(2, log.lines().filter(l -> l.matches("#\\d 127\\.0\\.0\\.1:\\d+ ok TLSv1\\.2 DHE-RSA-AES256-SHA DH 2048")).count(), log);
        }
    }

    @Test
    void opensslAndJdkClientsRefuseThe256BitGroupAndServeLogsIt() throws Exception {
        try (Serve serve = new Serve("serve", "--stack", "rhel-6.10", "--receive-side", "NO", "--dh", "256",
                "--port", "0", "--count", "2")) {
            String s = sClient(serve.port);
            // OpenSSL 3.0: DH_check_params_ex refuses p under 512 bits, then alert 47 (docs/stacks.md)
            assertTrue(s.contains("DH_check_params_ex:modulus too small"), s);
            assertTrue(s.contains("tls_process_ske_dhe:bad dh value"), s);
            assertThrows(SSLHandshakeException.class, () -> jdkPing(serve.port));
            assertEquals(1, serve.await(), serve.out());
            String log = serve.out();
            // the alert answered the server's flight with the ServerKeyExchange (the wire says so), not the ClientHello
            assertTrue(log.contains("fail: the client refused our ServerHello, Certificate, ServerKeyExchange, "
                    + "ServerHelloDone (sent after its ClientHello) with alert illegal_parameter (47)\n"
                    + "    error:14094417:SSL routines:SSL3_READ_BYTES:sslv3 alert illegal parameter"), log);
            assertTrue(log.lines().filter(l -> l.startsWith("#")).allMatch(l -> l.contains(" fail: ")), log);
        }
    }

    /**
     * diagnose's recommended fix for the support case, served to the machine's real OpenSSL 3.0 client at its default
     * level: it completes; the 1024-bit table (enough for the RHEL sender) is refused with `dh key too small`.
     */
    @Test
    void theRecommendedFixOfTheSupportCaseIsAcceptedByARealOpenssl30ClientAnd1024IsNot() throws Exception {
        CliRun d = CliRun.of("diagnose", "--config", "examples/configssl.cnf", "--sender", "rhel-7.7", "--receiver", "rhel-6.10");
        Matcher rec = Pattern.compile("Recommended: set \\[DH\\] DH_(\\d+)_RECEIVE_SIDE = ").matcher(d.out());
        assertTrue(rec.find(), d.out());
        assertTrue(d.out().contains("ranked above [RSAKEY] RECEIVE_SIDE = YES"), d.out());
        String recommended = rec.group(1);
        try (Serve serve = new Serve("serve", "--stack", "rhel-6.10", "--receive-side", "NO", "--dh", recommended,
                "--port", "0", "--count", "1")) {
            String s = sClient(serve.port);
            assertTrue(s.contains("Server Temp Key: DH, " + recommended + " bits"), s);
            assertEquals(0, serve.await(), serve.out());
        }
        try (Serve serve = new Serve("serve", "--stack", "rhel-6.10", "--receive-side", "NO", "--dh", "1024",
                "--port", "0", "--count", "1")) {
            String s = sClient(serve.port);
            assertTrue(s.contains("tls_process_ske_dhe:dh key too small"), s);
            assertEquals(1, serve.await(), serve.out());
            assertTrue(serve.out().contains("fail: the client refused our ServerHello, Certificate, ServerKeyExchange, "
                    + "ServerHelloDone (sent after its ClientHello) with alert handshake_failure (40)"), serve.out());
        }
    }

    /** Serve the stack's own DEFAULT list with an ECDSA certificate; a 3.0 client gets ECDHE-ECDSA. */
    @Test
    void serveDefaultSuitesWithAnEcdsaCertificate() throws Exception {
        try (Serve serve = new Serve("serve", "--stack", "rhel-7.7", "--suites", "default", "--certificate", "ecdsa-p256",
                "--port", "0", "--count", "1")) {
            String s = sClient(serve.port);
            assertTrue(s.contains("Cipher is ECDHE-ECDSA-AES256-GCM-SHA384"), s);
            assertTrue(s.contains("Server Temp Key: ECDH, prime256v1, 256 bits"), s);
            assertEquals(0, serve.await(), serve.out());
            assertTrue(serve.out().contains(" ok TLSv1.2 ECDHE-ECDSA-AES256-GCM-SHA384 ECDH, P-256, 256 bits"), serve.out());
        }
    }

    @Test
    void serveOnAPortInUseIsExitTwo() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliRun r = CliRun.of("serve", "--stack", "rhel-6.10", "--dh", "1024", "--port", Integer.toString(busy.getLocalPort()));
            assertEquals(2, r.code(), r.all());
            assertTrue(r.err().strip().matches("127\\.0\\.0\\.1:" + busy.getLocalPort()
                    + ": cannot listen \\(.*\\); expected a free port on a local address"), r.err());
        }
    }

    @Test
    void connectAgainstARealOpensslServer() throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        run(List.of(OPENSSL.toString(), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-subj", "/CN=localhost", "-days", "1"), "");
        // An s_server with ECDHE and DHE: the real RHEL 7.7 client lists ECDHE first and gets it (docs/stacks.md
        // "ECDHE"; an emulation without the real hello offers no ECDHE and negotiated DHE here).
        try (SServer both = SServer.start(cert, key, "DEFAULT:@SECLEVEL=1")) {
            CliRun ok = CliRun.of("connect", "--stack", "rhel-7.7", "--host", "127.0.0.1", "--port", Integer.toString(both.port));
            assertEquals(0, ok.code(), ok.all());
            assertTrue(ok.out().contains("<<< TLS 1.2 Handshake [length 0004], ServerHelloDone"), ok.out());
            assertTrue(ok.out().contains("Protocol  : TLSv1.2\nCipher    : ECDHE-RSA-AES256-GCM-SHA384\n"
                    + "Server Temp Key: ECDH, P-256, 256 bits"), ok.out());
        }
        // DHE only: the DH checks run (they only run when a DHE suite is chosen).
        try (SServer dhe = SServer.start(cert, key, "DHE:@SECLEVEL=1")) {
            String port = Integer.toString(dhe.port);
            CliRun ok = CliRun.of("connect", "--stack", "rhel-7.7", "--host", "127.0.0.1", "--port", port);
            assertTrue(ok.out().contains("Protocol  : TLSv1.2\nCipher    : DHE-RSA-AES256-GCM-SHA384\nServer Temp Key: DH, 1024 bits"), ok.out());
            CliRun refused = CliRun.of("connect", "--stack", "rhel-7.7", "--port", port, "--min-dh-bits", "2048");
            assertEquals(1, refused.code(), refused.all());
            assertTrue(refused.out().contains(">>> TLS 1.2 Alert [length 0002], fatal handshake_failure (40)"), refused.out());
            assertTrue(refused.out().contains("error:14082174:SSL routines:ssl3_check_cert_and_algorithm:dh key too small"), refused.out());
            for (int i = 0; i < 100 && !dhe.out().contains("alert number 40"); i++) {
                Thread.sleep(50);
            }
            assertTrue(dhe.out().contains("sslv3 alert handshake failure"), dhe.out());
        }
    }

    /** openssl s_server on 127.0.0.1 with examples/dh1024.pem; stdin stays open (it exits on EOF) until close. */
    private record SServer(Process process, ByteArrayOutputStream output, int port) implements AutoCloseable {
        static SServer start(Path cert, Path key, String cipher) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = free.getLocalPort();
            }
            Process server = new ProcessBuilder(OPENSSL.toString(), "s_server", "-accept", "127.0.0.1:" + port,
                    "-cert", cert.toString(), "-key", key.toString(), "-dhparam", "examples/dh1024.pem",
                    "-cipher", cipher, "-tls1_2").redirectErrorStream(true).start();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Thread pump = new Thread(() -> {
                try {
                    server.getInputStream().transferTo(out);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            pump.start();
            SServer s = new SServer(server, out, port);
            for (int i = 0; i < 200 && !s.out().contains("ACCEPT"); i++) {
                Thread.sleep(50);
            }
            assertTrue(s.out().contains("ACCEPT"), s.out());
            return s;
        }

        String out() {
            synchronized (output) {
                return output.toString();
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void connectWithNothingListeningIsExitTwo() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        CliRun r = CliRun.of("connect", "--stack", "rhel-7.7", "--port", Integer.toString(port), "--timeout", "5");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().strip().endsWith("expected a TLS server listening there"), r.err());
    }
}
