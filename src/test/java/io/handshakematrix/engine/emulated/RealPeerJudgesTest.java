package io.handshakematrix.engine.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.model.CertificateType;
import io.handshakematrix.peers.PeerProcess;
import io.handshakematrix.profile.ProfileCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real peers as judges. Emulated RHEL senders against real servers on 127.0.0.1, and real clients and a
 * scanner against the emulated RHEL receivers. Each expectation is what the real RHEL build gets; where it
 * can be measured, the real build's ClientHello (rebuilt from docs/stacks.md, {@link RealHellos}) is replayed to
 * the same server and the emulation must end where that hello does.
 */
class RealPeerJudgesTest {
    private static final String OPENSSL = "/usr/bin/openssl";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();
    private static final EmulatedEngine ENGINE = new EmulatedEngine();

    @TempDir
    static Path dir;
    static Path rsaCert;
    static Path rsaKey;
    static Path ecCert;
    static Path ecKey;
    static Path dh2048;

    @BeforeAll
    static void credentials() throws Exception {
        TestEnvironment.require(PeerProcess.installed(OPENSSL), () -> "no " + OPENSSL);
        rsaCert = dir.resolve("rsa.crt");
        rsaKey = dir.resolve("rsa.key");
        ecCert = dir.resolve("ec.crt");
        ecKey = dir.resolve("ec.key");
        run(OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", rsaKey.toString(), "-out",
                rsaCert.toString(), "-subj", "/CN=localhost", "-days", "2");
        run(OPENSSL, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                ecKey.toString(), "-out", ecCert.toString(), "-subj", "/CN=localhost", "-days", "2");
        dh2048 = dir.resolve("dh2048.pem"); // 3.0 s_server refuses 1024 bits at Debian's SECLEVEL 2
        try (InputStream in = RealPeerJudgesTest.class.getResourceAsStream("/dh/dh2048.pem")) {
            Files.copy(in, dh2048, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    /** "ok ECDHE-RSA-AES256-GCM-SHA384 ECDH, P-256, 256 bits", "fail: alert received 40", "error: ...". */
    static String verdict(SideReport r) {
        if (r.harnessError() != null) {
            return "error: " + r.harnessError();
        }
        if (r.completed() && !r.gaveUp()) {
            return "ok " + r.cipher() + (r.tempKey() != null ? " " + r.tempKey() : "");
        }
        return "fail: " + (r.alertReceived() != null ? "alert received " + r.alertReceived()
                : r.alertSent() != null ? "alert sent " + r.alertSent() : "no alert") + " " + r.errors();
    }

    private static SideReport emulatedSender(String stack, int port) {
        return ENGINE.connectTo(new SenderSpec(PROFILES.get(stack), "TLSv1.2", 0, TIMEOUT),
                new InetSocketAddress("127.0.0.1", port), false, false);
    }

    private static byte[] realHello(String stack) {
        return stack.startsWith("rhel-7.7") ? RealHellos.rhel77() : RealHellos.rhel610();
    }

    /**
     * OpenSSL 3.0 s_server takes the client's first curve it supports (measured with the real hellos):
     * secp521r1 for 6.10 (0019 0018 0017), secp256r1 for 7.7 (0017 0019 0018 0016).
     */
    private static String firstCurve(String stack) {
        return stack.startsWith("rhel-7.7") ? "0017" : "0019";
    }

    private static String tempKey(String stack) {
        return stack.startsWith("rhel-7.7") ? "ECDH, P-256, 256 bits" : "ECDH, P-521, 521 bits";
    }

    private static PeerProcess sServer(int port, String cipher, Path cert, Path key) throws Exception {
        return PeerProcess.server(List.of(OPENSSL, "s_server", "-accept", "127.0.0.1:" + port, "-tls1_2",
                "-cert", cert.toString(), "-key", key.toString(), "-dhparam", dh2048.toString(),
                "-cipher", cipher, "-www"), dir, port);
    }

    // --- emulated senders against real servers ------------------------------------------------------------

    /**
     * OpenSSL 3.0 s_server, RSA certificate, ECDHE and DHE: the real 1.0.x client lists ECDHE first and the server
     * follows the client's order, so it ends with ECDHE-RSA-AES256-GCM-SHA384 (docs/stacks.md "ECDHE") on the client's
     * first curve. ECDHE only: the real client succeeds (it offers ECDHE; an emulation without the real hello failed).
     * An ECDSA P-256 certificate: ECDHE-ECDSA, the client's first ECDSA suite.
     */
    @ParameterizedTest(name = "{0} -> openssl 3.0 s_server -cipher {1}, {2} certificate")
    @org.junit.jupiter.params.provider.CsvSource({
        "rhel-6.10, ECDHE:DHE,            rsa,   c030, ECDHE-RSA-AES256-GCM-SHA384",
        "rhel-7.7,  ECDHE:DHE,            rsa,   c030, ECDHE-RSA-AES256-GCM-SHA384",
        "rhel-6.10, ECDHE-RSA-AES128-SHA, rsa,   c013, ECDHE-RSA-AES128-SHA",
        "rhel-7.7,  ECDHE-RSA-AES128-SHA, rsa,   c013, ECDHE-RSA-AES128-SHA",
        "rhel-6.10, ECDHE,                ecdsa, c02c, ECDHE-ECDSA-AES256-GCM-SHA384",
        "rhel-7.7,  ECDHE,                ecdsa, c02c, ECDHE-ECDSA-AES256-GCM-SHA384"})
    void opensslServer(String stack, String cipher, String cert, String suiteHex, String suite) throws Exception {
        int port = PeerProcess.freePort();
        boolean rsa = cert.equals("rsa");
        try (PeerProcess server = sServer(port, cipher, rsa ? rsaCert : ecCert, rsa ? rsaKey : ecKey)) {
            String measured = RealHellos.answer(new InetSocketAddress("127.0.0.1", port), realHello(stack));
            assertTrue(measured.startsWith("suite " + suiteHex + " group " + firstCurve(stack)),
                    "the real hello gets: " + measured);
            assertEquals("ok " + suite + " " + tempKey(stack), verdict(emulatedSender(stack, port)), server.output());
        }
    }

    /**
     * A JDK 17 server requiring the extended master secret (jdk.tls.allowLegacyMasterSecret=false): 1.0.x sends
     * no EMS, so the server refuses it with alert 40; an emulation without the real hello sent EMS and succeeded.
     */
    @ParameterizedTest(name = "{0} -> JDK server requiring EMS")
    @ValueSource(strings = {"rhel-6.10", "rhel-7.7"})
    void jdkServerRequiringEms(String stack) throws Exception {
        Path p12 = dir.resolve("rsa.p12");
        if (!Files.exists(p12)) {
            run(OPENSSL, "pkcs12", "-export", "-in", rsaCert.toString(), "-inkey", rsaKey.toString(), "-out",
                    p12.toString(), "-passout", "pass:changeit");
        }
        int port = PeerProcess.freePort();
        try (PeerProcess server = PeerProcess.server(List.of(java(), "-Djdk.tls.allowLegacyMasterSecret=false",
                peerSource("EmsRequiringServer.java"), Integer.toString(port), p12.toString(), "changeit"), dir, port)) {
            String measured = RealHellos.answer(new InetSocketAddress("127.0.0.1", port), realHello(stack));
            assertEquals("alert 40", measured, "the real " + stack + " hello: " + server.output());
            String got = verdict(emulatedSender(stack, port));
            assertTrue(got.startsWith("fail: alert received 40"), got + "\n" + server.output());
        }
    }

    /**
     * gnutls-serv cannot bind 127.0.0.1 only: it runs in a network namespace this test creates (loopback only),
     * with the probe beside it. Without safe renegotiation it sends no renegotiation_info and 1.0.x still
     * connects (SSL_OP_LEGACY_SERVER_CONNECT). Forcing encrypt-then-MAC only binds CBC suites (measured: the real
     * hello still gets AES-GCM); with the AEAD suites removed as well it refuses 1.0.x, which has no EtM.
     */
    @ParameterizedTest(name = "{0} -> gnutls-serv, priority {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "rhel-7.7,  NORMAL:-VERS-TLS1.3,                              ok ECDHE-RSA-AES256-GCM-SHA384, suite c030",
        "rhel-6.10, NORMAL:-VERS-TLS1.3:%DISABLE_SAFE_RENEGOTIATION, ok ECDHE-RSA-AES256-GCM-SHA384, suite c030",
        "rhel-7.7,  NORMAL:-VERS-TLS1.3:%DISABLE_SAFE_RENEGOTIATION, ok ECDHE-RSA-AES256-GCM-SHA384, suite c030",
        "rhel-7.7,  NORMAL:-VERS-TLS1.3:%FORCE_ETM,                   ok ECDHE-RSA-AES256-GCM-SHA384, suite c030",
        "rhel-7.7,  NORMAL:-VERS-TLS1.3:%FORCE_ETM:-AEAD,             fail,                           alert"})
    void gnutlsServer(String stack, String priority, String expected, String measuredPrefix) throws Exception {
        TestEnvironment.require(PeerProcess.installed("/usr/bin/gnutls-serv"), () -> "no gnutls-serv (gnutls-bin)");
        TestEnvironment.require(PeerProcess.installed("/usr/bin/unshare"), () -> "no unshare (util-linux)");
        int port = PeerProcess.freePort();
        String script = "ip link set lo up || exit 97; /usr/bin/gnutls-serv -p " + port + " --x509certfile " + rsaCert
                + " --x509keyfile " + rsaKey + " --priority '" + priority + "' >/dev/null 2>&1 & exec " + java()
                + " -cp '" + System.getProperty("java.class.path") + "' " + NetnsProbe.class.getName() + " " + port + " "
                + stack;
        PeerProcess probe = PeerProcess.start(List.of("/usr/bin/unshare", "--net", "--kill-child", "/bin/sh", "-c",
                script), dir);
        String out = probe.finish(60);
        probe.close();
        TestEnvironment.require(!out.contains("Operation not permitted"), () -> "no network namespaces here: " + out);
        assertTrue(out.contains("real hello: " + measuredPrefix), "the real " + stack + " hello: " + out);
        assertTrue(out.contains("emulated: " + expected), out);
    }

    // --- real clients and a scanner against emulated receivers ----------------------------------------------

    private RunningReceiver receiver(String stack, CertificateType cert) throws IOException {
        return ENGINE.serve(new ReceiverSpec(PROFILES.get(stack), ReceiverSpec.STACK_DEFAULT,
                DhGroupCatalog.builtin().resolve("2048", null), TIMEOUT).withCertificate(cert));
    }

    /**
     * openssl 3.0 s_client against a 1.0.x receiver serving its DEFAULT list: the server follows the client's
     * order (c02c needs ECDSA, so c030), and ignores the client's EMS (docs/stacks.md: 1.0.x knows no EMS).
     */
    @ParameterizedTest(name = "openssl 3.0 s_client -> {0}")
    @ValueSource(strings = {"rhel-6.10", "rhel-7.7"})
    void opensslClient(String stack) throws Exception {
        for (CertificateType cert : CertificateType.values()) {
            try (RunningReceiver r = receiver(stack, cert)) {
                String out = PeerProcess.client(List.of(OPENSSL, "s_client", "-connect", "127.0.0.1:" + r.address().getPort(),
                        "-tls1_2"), dir).finish(20);
                String suite = cert == CertificateType.RSA ? "ECDHE-RSA-AES256-GCM-SHA384" : "ECDHE-ECDSA-AES256-GCM-SHA384";
                assertTrue(out.contains("Cipher is " + suite), cert + ": " + out);
                assertTrue(out.contains("Extended master secret: no"), out);
                assertTrue(out.contains("Server Temp Key: ECDH, prime256v1, 256 bits"), out);
                SideReport side = r.await();
                assertTrue(side.completed(), side.errors().toString());
            }
        }
    }

    /**
     * docs/stacks.md: 1.0.x servers accept a client-initiated renegotiation. s_client's "R" command renegotiates:
     * the server must answer with a second full handshake (a second certificate), not no_renegotiation.
     */
    @ParameterizedTest(name = "openssl 3.0 s_client renegotiates with {0}")
    @ValueSource(strings = {"rhel-6.10", "rhel-7.7"})
    void clientInitiatedRenegotiation(String stack) throws Exception {
        try (RunningReceiver r = receiver(stack, CertificateType.RSA)) {
            String out = PeerProcess.start(List.of("/bin/sh", "-c", "(echo R; sleep 2) | " + OPENSSL
                    + " s_client -connect 127.0.0.1:" + r.address().getPort() + " -tls1_2"), dir).finish(30);
            assertTrue(out.contains("RENEGOTIATING"), out);
            String after = out.substring(out.indexOf("RENEGOTIATING"));
            assertTrue(after.contains("verify error:num=18:self-signed certificate"), "no second handshake: " + out);
            assertTrue(!after.contains("alert") && !after.contains(":error:"), out);
        }
    }

    /** gnutls-cli with and without safe renegotiation: 1.0.x servers accept a client that signals neither. */
    @ParameterizedTest(name = "gnutls-cli {0} -> rhel-7.7")
    @ValueSource(strings = {"NORMAL:-VERS-TLS1.3", "NORMAL:-VERS-TLS1.3:%DISABLE_SAFE_RENEGOTIATION"})
    void gnutlsClient(String priority) throws Exception {
        TestEnvironment.require(PeerProcess.installed("/usr/bin/gnutls-cli"), () -> "no gnutls-cli (gnutls-bin)");
        try (RunningReceiver r = receiver("rhel-7.7", CertificateType.RSA)) {
            String out = PeerProcess.client(List.of("/usr/bin/gnutls-cli", "--insecure", "--priority", priority, "-p",
                    Integer.toString(r.address().getPort()), "127.0.0.1"), dir).finish(20);
            assertTrue(out.contains("Handshake was completed"), out);
            assertTrue(out.contains("(TLS1.2-X.509)-(ECDHE-SECP256R1)-(RSA-SHA256)-(AES-256-GCM)"), out);
        }
    }

    /** A JDK 17 client (sends EMS, which 1.0.x ignores; JSSE allows the legacy master secret by default). */
    @ParameterizedTest(name = "JDK client -> {0}")
    @ValueSource(strings = {"rhel-6.10", "rhel-7.7"})
    void jdkClient(String stack) throws Exception {
        try (RunningReceiver r = receiver(stack, CertificateType.RSA)) {
            String out = PeerProcess.start(List.of(java(), peerSource("TrustAllClient.java"),
                    Integer.toString(r.address().getPort())), dir).finish(60);
            assertTrue(out.contains("handshake ok TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), out);
        }
    }

    /**
     * sslscan probes with many ClientHellos, some without the renegotiation SCSV: a 1.0.x server answers them
     * (an emulation without the real server hello sent alert 40 and sslscan found no protocols and no ciphers).
     */
    @ParameterizedTest(name = "sslscan -> {0}")
    @ValueSource(strings = {"rhel-7.7"})
    void sslscan(String stack) throws Exception {
        TestEnvironment.require(PeerProcess.installed("/usr/bin/sslscan"), () -> "no sslscan");
        List<SideReport> seen = new ArrayList<>();
        ReceiverSpec spec = new ReceiverSpec(PROFILES.get(stack), ReceiverSpec.STACK_DEFAULT,
                DhGroupCatalog.builtin().resolve("2048", null), TIMEOUT);
        try (EmulatedEngine.ReceiverService svc = ENGINE.serveMany(spec, new InetSocketAddress("127.0.0.1", 0),
                (peer, report) -> {
                    synchronized (seen) {
                        seen.add(report);
                    }
                })) {
            String out = PeerProcess.start(List.of("/usr/bin/sslscan", "--no-colour", "--no-heartbleed",
                    "127.0.0.1:" + svc.address().getPort()), dir).finish(120);
            assertTrue(out.matches("(?s).*TLSv1\\.2\\s+enabled.*"), out);
            assertTrue(out.matches("(?s).*(Preferred|Accepted)\\s+TLSv1\\.2\\s+256 bits\\s+ECDHE-RSA-AES256-GCM-SHA384.*"), out);
            assertTrue(out.contains("Secure session renegotiation supported"), out);
            assertTrue(!out.contains("DH_DSS") && !out.contains("ECDH_ECDSA"), "an RSA certificate cannot serve these: " + out);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String peerSource(String name) throws IOException {
        Path p = dir.resolve(name);
        if (!Files.exists(p)) {
            try (InputStream in = RealPeerJudgesTest.class.getResourceAsStream("/peers/" + name)) {
                Files.copy(in, p);
            }
        }
        return p.toString();
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + ": " + out);
        }
    }
}
