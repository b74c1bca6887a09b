package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ClientHelloProfile;
import io.handshakematrix.profile.CryptoPolicy;
import io.handshakematrix.profile.PolicyCompiler;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generated openssl.cnf makes real upstream OpenSSL send the ClientHello the policy data says: the real twin's
 * TLS 1.2 ClientHello (s_client -max_protocol TLSv1.2, as the container tier runs it) under each policy is read by a
 * listener on 127.0.0.1 and compared with the RHEL profile's hello compiled under the same policy (PolicyCompiler):
 * the cipher suites (CipherString: key exchanges, CBC; the renegotiation SCSV kept) and the supported groups exactly
 * (a TLS 1.2-only hello: without the profile's tls13_only_groups, FFDHE, which 3.0 sends with TLS 1.3 only). signature_algorithms are
 * compared without the SHA-1 and SHA-224 entries: which of those a security level leaves in the hello differs between
 * RHEL's builds and upstream (docs/stacks.md 'Policy twins': RHEL 8 DEFAULT offers 0203 0201 at SECLEVEL 2, upstream
 * offers none there).
 */
class PolicyTwinHelloTest {
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();
    private static ContainerEngine engine;
    private static Optional<String> problem;

    @BeforeAll
    static void start() {
        engine = new ContainerEngine(new PrintStream(new ByteArrayOutputStream()));
        problem = engine.docker();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @ParameterizedTest(name = "{0} under {2} sends {1} {2}''s hello")
    @CsvSource({"openssl-1.1.1-policy, rhel-8.10, DEFAULT", "openssl-1.1.1-policy, rhel-8.10, LEGACY",
            "openssl-1.1.1-policy, rhel-8.10, FUTURE", "openssl-3.0-policy, rhel-9.4, DEFAULT",
            "openssl-3.0-policy, rhel-9.4, LEGACY", "openssl-3.0-policy, rhel-9.4, FUTURE",
            "openssl-3.0-policy, rhel-9.4, DEFAULT:SHA1"})
    void theRealTwinUnderThePolicySendsTheRhelProfilesHello(String twin, String rhel, String setting) throws Exception {
        TestEnvironment.require(problem.isEmpty(), () -> "policy twin hellos skipped: " + problem.orElse(""));
        StackProfile bare = PROFILES.get(twin);
        Optional<String> cannot = engine.cannotRun(bare, Side.SENDER, "TLSv1.2"); // builds the image if needed
        TestEnvironment.require(cannot.isEmpty(), () -> "policy twin hellos skipped: " + cannot.orElse(""));
        CryptoPolicy policy = PROFILES.policies().resolve(bare.policyRelease(), setting).policy().orElseThrow();
        byte[] record = capture(PolicyCompiler.compile(bare, policy));
        Hello real = Hello.parse(record);
        ClientHelloProfile expected = PolicyCompiler.compile(PROFILES.get(rhel), policy).clientHello();
        String what = twin + "@container under " + setting + " vs " + rhel + " under " + setting;
        // s_client -max_protocol TLSv1.2 offers no TLS 1.3 suite (RFC 8446 B.4: 0x13xx)
        assertEquals(hex(expected.cipherSuites().stream().filter(s -> (s >> 8) != 0x13).toList()), hex(real.suites),
                what + ": cipher suites");
        // A TLS 1.2-only hello of 3.0 leaves out the FFDHE groups (RFC 7919, 0x01xx), which its group table keeps
        // for TLS 1.3: the profile's tls13_only_groups, which the emulated TLSv1.2 hello leaves out (forTls12).
        assertEquals(hex(expected.forTls12().groups()), hex(real.groups), what + ": supported groups");
        assertEquals(hex(sha256Up(expected.signatureAlgorithms())), hex(sha256Up(real.sigalgs)),
                what + ": signature algorithms (SHA-256 and up)");
    }

    /** The real client's first record, as a listener on 127.0.0.1 reads it before it hangs up. */
    private static byte[] capture(StackProfile compiled) throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(30_000);
            CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> {
                try (Socket s = listener.accept()) {
                    s.setSoTimeout(30_000);
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] head = in.readNBytes(5);
                    byte[] body = in.readNBytes(((head[3] & 0xFF) << 8) | (head[4] & 0xFF));
                    byte[] all = new byte[head.length + body.length];
                    System.arraycopy(head, 0, all, 0, head.length);
                    System.arraycopy(body, 0, all, head.length, body.length);
                    return all;
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            engine.connect(new SenderSpec(compiled, "TLSv1.2", 0, Duration.ofSeconds(20)),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()));
            byte[] record = first.get(30, TimeUnit.SECONDS);
            assertNotNull(record);
            return record;
        }
    }

    private static List<Integer> sha256Up(List<Integer> sigalgs) {
        return sigalgs.stream().filter(a -> (a >> 8) != 0x02 && (a >> 8) != 0x03).toList();
    }

    private static String hex(List<Integer> codes) {
        return String.join(" ", codes.stream().map(c -> String.format("%04x", c)).toList());
    }

    /** The fields of a ClientHello record this test compares (RFC 5246 7.4.1.2). */
    private record Hello(List<Integer> suites, List<Integer> groups, List<Integer> sigalgs) {
        static Hello parse(byte[] r) {
            int p = 5 + 4 + 2 + 32;                       // record header, handshake header, version, random
            p += 1 + (r[p] & 0xFF);                       // session id
            int n = u16(r, p);
            List<Integer> suites = u16s(r, p + 2, n);
            p += 2 + n;
            p += 1 + (r[p] & 0xFF);                       // compression methods
            int end = p + 2 + u16(r, p);
            p += 2;
            List<Integer> groups = List.of();
            List<Integer> sigalgs = List.of();
            while (p + 4 <= end) {
                int type = u16(r, p);
                int len = u16(r, p + 2);
                if (type == 0x000a) {
                    groups = u16s(r, p + 6, u16(r, p + 4));
                } else if (type == 0x000d) {
                    sigalgs = u16s(r, p + 6, u16(r, p + 4));
                }
                p += 4 + len;
            }
            return new Hello(suites, groups, sigalgs);
        }

        private static int u16(byte[] b, int at) {
            return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
        }

        private static List<Integer> u16s(byte[] b, int at, int len) {
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < len; i += 2) {
                out.add(u16(b, at + i));
            }
            return out;
        }
    }
}
