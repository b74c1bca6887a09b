package io.handshakematrix.engine.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.peers.PeerProcess;
import io.handshakematrix.profile.ProfileCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiver matrix-upgrade-sha1.yaml's SHA-1 refusals rest on, judged by a real OpenSSL 3.0 client: the emulated
 * rhel-7.7-sha1-sigalgs signs its TLS 1.2 ServerKeyExchange with RSA-SHA1 even to a client that does not list it, and
 * the signature is a valid one. Under the RHEL 9 DEFAULT openssl config (docs/stacks.md; NOTES: a policy back-end as
 * OPENSSL_CONF) the real upstream client refuses it in tls12_check_peer_sigalg with alert 40, where the RHEL 9 build
 * sends 47 (docs/stacks.md: RHEL's patch removes the SHA-1 sigalgs, the difference the rhel-9.4 profile carries).
 */
class Sha1SigningReceiverTest {
    private static final String OPENSSL = "/usr/bin/openssl";
    private static final EmulatedEngine ENGINE = new EmulatedEngine();

    /** RHEL 9 DEFAULT's opensslcnf.config (docs/stacks.md, verbatim el9.2), wrapped to be an OPENSSL_CONF. */
    private static final String RHEL9_DEFAULT = """
            openssl_conf = openssl_init
            [openssl_init]
            ssl_conf = ssl_module
            [ssl_module]
            system_default = crypto_policy
            [crypto_policy]
            CipherString = @SECLEVEL=2:kEECDH:kRSA:kEDH:kPSK:kDHEPSK:kECDHEPSK:kRSAPSK:-aDSS:-3DES:!DES:!RC4:!RC2:!IDEA:-SEED:!eNULL:!aNULL:!MD5:-SHA384:-CAMELLIA:-ARIA:-AESCCM8
            Ciphersuites = TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256
            TLS.MinProtocol = TLSv1.2
            TLS.MaxProtocol = TLSv1.3
            SignatureAlgorithms = ECDSA+SHA256:ECDSA+SHA384:ECDSA+SHA512:ed25519:ed448:rsa_pss_pss_sha256:rsa_pss_pss_sha384:rsa_pss_pss_sha512:rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:RSA+SHA256:RSA+SHA384:RSA+SHA512:ECDSA+SHA224:RSA+SHA224
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void openssl() {
        TestEnvironment.require(PeerProcess.installed(OPENSSL), () -> "no " + OPENSSL);
    }

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static RunningReceiver receiver() throws Exception {
        return ENGINE.serve(new ReceiverSpec(ProfileCatalog.builtin().get("rhel-7.7-sha1-sigalgs"),
                List.of("DHE-RSA-AES256-SHA"), DhGroupCatalog.builtin().resolve("2048", null), Duration.ofSeconds(10)));
    }

    @Test
    void aClientUnderRhel9DefaultRefusesTheSha1Signature() throws Exception {
        Path cnf = Files.writeString(dir.resolve("rhel9-default.cnf"), RHEL9_DEFAULT);
        try (RunningReceiver r = receiver()) {
            String out = PeerProcess.client(List.of("env", "OPENSSL_CONF=" + cnf, OPENSSL, "s_client", "-connect",
                    "127.0.0.1:" + r.address().getPort(), "-tls1_2"), dir).finish(20);
            assertTrue(out.contains("tls12_check_peer_sigalg:wrong signature type"), out);
            SideReport side = r.await();
            assertEquals(40, side.alertReceived(), side.errors().toString()); // upstream 3.0; the RHEL 9 build sends 47
        }
    }

    @Test
    void aClientThatAllowsSha1VerifiesIt() throws Exception {
        try (RunningReceiver r = receiver()) {
            // SHA-256 listed first: the receiver still signs SHA-1, the only algorithm its application allows.
            String out = PeerProcess.client(List.of(OPENSSL, "s_client", "-connect", "127.0.0.1:" + r.address().getPort(),
                    "-tls1_2", "-cipher", "DHE-RSA-AES256-SHA:@SECLEVEL=0", "-sigalgs", "RSA+SHA256:RSA+SHA1"), dir)
                    .finish(20);
            assertTrue(out.contains("Peer signing digest: SHA1"), out);
            assertTrue(out.contains("Cipher is DHE-RSA-AES256-SHA"), out);
            SideReport side = r.await();
            assertTrue(side.completed(), side.errors().toString());
        }
    }
}
