package io.handshakematrix.engine.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.profile.PolicyCompiler;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The supported_groups the emulated RHEL clients put on the wire, as a listener on 127.0.0.1 reads them: a TLS
 * 1.2-only hello of the 3.0 family carries no FFDHE group (real 3.0.20 under the RHEL 9 policies, s_client
 * -max_protocol TLSv1.2, docs/stacks.md 'Policy twins'), a TLS 1.3-capable one keeps them (RHEL 9 DEFAULT's measured
 * hello); RHEL 8's 1.1.1 offers none either way (real 1.1.1w: the same list as the profile's).
 */
class Tls12HelloGroupsTest {
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();
    private static final EmulatedEngine ENGINE = new EmulatedEngine();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    @ParameterizedTest(name = "{0} under {1}, {2}: groups {3}")
    @CsvSource({
            "rhel-9.4, DEFAULT, TLSv1.2, 001d 0017 001e 0019 0018",
            "rhel-9.4, FUTURE, TLSv1.2, 001d 0017 001e 0019 0018",
            "openssl-3.0-policy, DEFAULT, TLSv1.2, 001d 0017 001e 0019 0018",
            "rhel-10.0, DEFAULT, TLSv1.2, 001d 0017 001e 0019 0018",
            "rhel-9.4, DEFAULT, default, 001d 0017 001e 0019 0018 0100 0101 0102 0103 0104",
            "rhel-8.10, DEFAULT, TLSv1.2, 001d 0017 001e 0019 0018",
            "rhel-8.10, DEFAULT, default, 001d 0017 001e 0019 0018"})
    void theHelloCarriesTheRealClientsGroups(String stack, String setting, String protocol, String groups)
            throws Exception {
        StackProfile bare = PROFILES.get(stack);
        StackProfile p = PolicyCompiler.compile(bare,
                PROFILES.policies().resolve(bare.policyRelease(), setting).policy().orElseThrow());
        assertEquals(groups, hex(groups(hello(p, protocol))));
    }

    private static byte[] hello(StackProfile p, String protocol) throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> {
                try (Socket s = ss.accept()) {
                    s.setSoTimeout((int) TIMEOUT.toMillis());
                    return HelloBytesTest.readRecord(s.getInputStream());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            ENGINE.connectTo(new SenderSpec(p, protocol, 0, TIMEOUT), (InetSocketAddress) ss.getLocalSocketAddress(),
                    false, false);
            return got.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** supported_groups (RFC 8422 5.1.1, type 10) of a ClientHello record (RFC 5246 7.4.1.2). */
    private static List<Integer> groups(byte[] r) {
        int p = 5 + 4 + 2 + 32;
        p += 1 + (r[p] & 0xFF);
        p += 2 + u16(r, p);
        p += 1 + (r[p] & 0xFF);
        int end = p + 2 + u16(r, p);
        p += 2;
        while (p + 4 <= end) {
            if (u16(r, p) == 0x000a) {
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < u16(r, p + 4); i += 2) {
                    out.add(u16(r, p + 6 + i));
                }
                return out;
            }
            p += 4 + u16(r, p + 2);
        }
        return List.of();
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static String hex(List<Integer> codes) {
        return String.join(" ", codes.stream().map(c -> String.format("%04x", c)).toList());
    }
}
