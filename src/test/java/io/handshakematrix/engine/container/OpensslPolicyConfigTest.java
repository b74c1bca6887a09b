package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.profile.CryptoPolicies;
import io.handshakematrix.profile.CryptoPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generated openssl.cnf follows the policy data the way crypto-policies' OpenSSL back-end does. RHEL 9 DEFAULT
 * is held to the verbatim el9.2 opensslcnf.config quoted in docs/stacks.md; the other levels to their data.
 */
class OpensslPolicyConfigTest {
    private static CryptoPolicy policy(String release, String setting) {
        return CryptoPolicies.shipped().resolve(release, setting).policy().orElseThrow();
    }

    private static List<String> lines(String cnf) {
        return cnf.lines().toList();
    }

    @Test
    void rhel9DefaultIsTheVerbatimEl9Config() {
        List<String> cnf = lines(OpensslPolicyConfig.of(policy("rhel-9", "DEFAULT")));
        // docs/stacks.md 'RHEL 8, 9 and 10 under system-wide crypto policies': RHEL 9 DEFAULT, verbatim
        assertTrue(cnf.contains("CipherString = @SECLEVEL=2:kEECDH:kRSA:kEDH:kPSK:kDHEPSK:kECDHEPSK:kRSAPSK:-aDSS:"
                + "-3DES:!DES:!RC4:!RC2:!IDEA:-SEED:!eNULL:!aNULL:!MD5:-SHA384:-CAMELLIA:-ARIA:-AESCCM8"), cnf::toString);
        assertTrue(cnf.contains("Ciphersuites = TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
                + "TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256"), cnf::toString);
        assertTrue(cnf.contains("TLS.MinProtocol = TLSv1.2"), cnf::toString);
        assertTrue(cnf.contains("TLS.MaxProtocol = TLSv1.3"), cnf::toString);
        assertTrue(cnf.contains("system_default = crypto_policy"), cnf::toString);
        assertFalse(cnf.stream().anyMatch(l -> l.startsWith("SignatureAlgorithms") && l.contains("SHA1")), cnf::toString);
    }

    @Test
    void sha1SignaturesFollowThePolicyAndItsModule() {
        assertTrue(OpensslPolicyConfig.of(policy("rhel-9", "LEGACY")).contains("RSA+SHA1"));
        assertTrue(OpensslPolicyConfig.of(policy("rhel-9", "DEFAULT:SHA1")).contains("RSA+SHA1"));
        assertFalse(OpensslPolicyConfig.of(policy("rhel-8", "DEFAULT:NO-SHA1")).contains("RSA+SHA1"));
    }

    @Test
    void futureDropsRsaKeyExchangeAndCbcAndRaisesTheLevel() {
        String cs = OpensslPolicyConfig.cipherString(policy("rhel-8", "FUTURE"));
        assertTrue(cs.startsWith("@SECLEVEL=3:kEECDH:kEDH:"), cs);
        assertFalse(cs.contains("kRSA"), cs);
        assertTrue(cs.endsWith(":-SHA1:-SHA256"), cs);
        assertTrue(OpensslPolicyConfig.cipherString(policy("rhel-8", "LEGACY")).startsWith("@SECLEVEL=1:"));
        assertTrue(OpensslPolicyConfig.of(policy("rhel-8", "LEGACY")).contains("TLS.MinProtocol = TLSv1\n"));
    }

    @Test
    void groupsAreSpelledSoThat111TakesThem() {
        // 1.1.1's Groups takes NIST names (P-256) or OpenSSL short names, not secp256r1 (checked in the Debian 11 image)
        String cnf = OpensslPolicyConfig.of(policy("rhel-8", "DEFAULT"));
        assertTrue(cnf.contains("Groups = X25519:P-256:X448:P-521:P-384\n"), cnf);
    }

    @Test
    void eachPolicyHasItsOwnFile() {
        assertTrue(OpensslPolicyConfig.fileName(policy("rhel-9", "DEFAULT:SHA1")).equals("policy-rhel-9-DEFAULT_SHA1.cnf"));
    }
}
