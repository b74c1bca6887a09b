package io.handshakematrix.engine.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.results.ResultsJson;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loopback only, per-run keys that never reach a report, receivers closed even when a cell breaks. */
class IsolationTest {
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();
    private static final DhGroupCatalog GROUPS = DhGroupCatalog.builtin();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static ReceiverSpec receiverSpec() {
        return new ReceiverSpec(PROFILES.get("rhel-6.10"), List.of("DHE-RSA-AES256-SHA"), GROUPS.resolve("1024", null),
                TIMEOUT);
    }

    @Test
    void receiversListenOn127001Only() throws IOException {
        try (EmulatedEngine engine = new EmulatedEngine(); RunningReceiver r = engine.serve(receiverSpec())) {
            assertEquals(InetAddress.getByName("127.0.0.1"), r.address().getAddress());
        }
    }

    @Test
    void senderRefusesANonLoopbackAddressBeforeAnyTraffic() {
        try (EmulatedEngine engine = new EmulatedEngine()) {
            // 192.0.2.1 is TEST-NET-1 (RFC 5737); the engine refuses it before opening a socket.
            SideReport s = engine.connect(new SenderSpec(PROFILES.get("rhel-7.7"), "TLSv1.2", 0, TIMEOUT),
                    new InetSocketAddress("192.0.2.1", 443));
            assertTrue(s.harnessError().startsWith("refusing to connect to non-loopback"), s.harnessError());
        }
    }

    @Test
    void eachRunMakesItsOwnKey() {
        try (EmulatedEngine a = new EmulatedEngine(); EmulatedEngine b = new EmulatedEngine()) {
            assertNotEquals(rsa(a).getModulus(), rsa(b).getModulus());
        }
    }

    @Test
    void privateKeyNeverReachesTheReports() throws Exception {
        EmulatedEngine engine = new EmulatedEngine();
        EngineRegistry engines = new EngineRegistry().register(StackRef.EMULATED, () -> engine);
        Matrix m = matrix();
        try (engines) {
            List<CellResult> results = new MatrixRunner(
                    new CellRunner(engines, PROFILES, GROUPS, m.product(), dir, TIMEOUT), 2).run(m, m.cells(), r -> { });
            assertTrue(results.stream().anyMatch(r -> r.result().outcome() == Outcome.OK));
            assertTrue(results.stream().anyMatch(r -> r.result().outcome() == Outcome.FAIL));
            Path out = dir.resolve("reports");
            ResultsJson.write(out.resolve("results.json"), Map.of("matrix", "isolation"), results);

            String reports = readAll(out);
            RSAPrivateCrtKeyParameters key = rsa(engine);
            String pkcs8 = Base64.getEncoder().encodeToString(PrivateKeyInfoFactory.createPrivateKeyInfo(key).getEncoded());
            List<String> secrets = new ArrayList<>(List.of("PRIVATE KEY", pkcs8.substring(40, 104)));
            for (var n : List.of(key.getExponent(), key.getP(), key.getQ(), key.getDP(), key.getDQ(), key.getQInv())) {
                secrets.add(n.toString(16).substring(0, 48));
                secrets.add(n.toString(16).substring(0, 48).toUpperCase());
                secrets.add(n.toString().substring(0, 48));
            }
            for (String s : secrets) {
                assertFalse(reports.contains(s), "reports contain key material: " + s);
            }
        }
    }

    /**
     * A sender engine that throws: the cell is an error and the receiver it started is closed. (Checked on the
     * receiver itself: probing its old port is not proof, another process may bind that port right after.)
     */
    @Test
    void receiverIsClosedWhenTheSenderEngineThrows() throws Exception {
        EmulatedEngine emulated = new EmulatedEngine();
        List<InetSocketAddress> listened = new ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger closed = new java.util.concurrent.atomic.AtomicInteger();
        Engine recording = new Engine() {
            @Override
            public String name() {
                return StackRef.EMULATED;
            }

            @Override
            public RunningReceiver serve(ReceiverSpec spec) throws IOException {
                RunningReceiver r = emulated.serve(spec);
                listened.add(r.address());
                return new RunningReceiver() {
                    @Override
                    public InetSocketAddress address() {
                        return r.address();
                    }

                    @Override
                    public SideReport await() throws InterruptedException {
                        return r.await();
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                        r.close();
                    }
                };
            }

            @Override
            public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
                return emulated.connect(spec, receiver);
            }

            @Override
            public void close() {
                emulated.close();
            }
        };
        Engine broken = new Engine() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public RunningReceiver serve(ReceiverSpec spec) {
                throw new UnsupportedOperationException();
            }

            @Override
            public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
                throw new IllegalStateException("injected sender crash");
            }
        };
        EngineRegistry engines = new EngineRegistry().register(StackRef.EMULATED, () -> recording)
                .register("broken", () -> broken);
        try (engines) {
            Matrix m = new MatrixLoader(PROFILES, GROUPS, engines.names()).load(write("""
                    product: {receive_side: {"NO": [DHE-RSA-AES256-SHA]}}
                    axes: {senders: [rhel-7.7@broken], receivers: [rhel-6.10], receive_side: ["NO"], dh: ["1024"]}
                    """));
            CellResult r = new MatrixRunner(new CellRunner(engines, PROFILES, GROUPS, m.product(), dir, TIMEOUT), 1)
                    .judge(m, m.cells().get(0));
            assertEquals(Outcome.ERROR, r.result().outcome());
            assertEquals("harness: java.lang.IllegalStateException: injected sender crash", r.result().detail());
        }
        assertEquals(1, listened.size());
        assertEquals(1, closed.get(), "the receiver was not closed after the sender engine threw");
    }

    private Matrix matrix() throws IOException {
        return new MatrixLoader(PROFILES, GROUPS).load(write("""
                product: {receive_side: {"YES": [AES256-SHA], "NO": [DHE-RSA-AES256-SHA]}}
                axes:
                  senders: [rhel-7.7, rhel-6.10]
                  receivers: [rhel-6.10]
                  receive_side: ["YES", "NO"]
                  dh: ["256", "1024", 1024-g-pm1]
                expect:
                  - why: "any verdict: this test reads the reports, not the verdicts"
                    outcome: ok
                """));
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("matrix-" + System.nanoTime() + ".yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private static RSAPrivateCrtKeyParameters rsa(EmulatedEngine e) {
        return (RSAPrivateCrtKeyParameters) e.identity().privateKey();
    }

    private static String readAll(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sb.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(sb.length() > 1000, "too little written under " + root);
        return sb.toString();
    }
}
