package io.handshakematrix.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.model.CertificateType;
import io.handshakematrix.profile.PolicyCompiler;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A receiver under a crypto policy refuses at start what its security level refuses to load: a DH group below the
 * policy minimum first, then its own RSA certificate below the policy's min_rsa_bits (real 1.1.1w and 3.0.20 s_server
 * under the RHEL 8/9 FUTURE configs: SSL_CTX_use_certificate:ee key too small; docs/stacks.md 'Policy twins').
 */
class ReceiverRefusedAtLoadTest {
    private static final ProfileCatalog CATALOG = ProfileCatalog.builtin();
    private static final DhGroupCatalog GROUPS = DhGroupCatalog.builtin();
    private static final List<String> PRODUCT_RSA = List.of("AES256-SHA");
    private static final List<String> PRODUCT_DHE = List.of("DHE-RSA-AES256-SHA");

    private static ReceiverSpec spec(String stack, String setting, List<String> suites, String group) {
        StackProfile p = CATALOG.get(stack);
        StackProfile under = PolicyCompiler.compile(p,
                CATALOG.policies().resolve(p.policyRelease(), setting).policy().orElseThrow());
        DhGroup g = GROUPS.resolve(group, null);
        return new ReceiverSpec(under, suites, g, Duration.ofSeconds(5));
    }

    @Test
    void futureRefusesTheRsa2048CertificateAtStartOnEveryRelease() {
        for (String stack : List.of("rhel-8.10", "rhel-9.4", "rhel-10.0", "openssl-1.1.1-policy", "openssl-3.0-policy")) {
            ReceiverSpec s = spec(stack, "FUTURE", PRODUCT_RSA, "2048");
            assertTrue(s.groupRefusedAtLoad().isEmpty(), stack + ": no DHE suite, no group loaded");
            var rule = s.certificateRefusedAtLoad().orElseThrow(() -> new AssertionError(stack));
            assertEquals(3072, rule.bits(), stack);
            assertTrue(rule.errorLines().get(0).contains("SSL_CTX_use_certificate:ee key too small"), stack);
        }
    }

    @Test
    void aGroupTheLevelLoadsStillLeavesTheCertificateRefused() {
        ReceiverSpec s = spec("rhel-9.4", "FUTURE", PRODUCT_DHE, "4096");
        assertTrue(s.groupRefusedAtLoad().isEmpty());
        assertTrue(s.certificateRefusedAtLoad().isPresent());
    }

    @Test
    void theGroupIsRefusedFirstWhenBothAreTooSmall() {
        // both rules apply; the engine and serve ask groupRefusedAtLoad first, as the real builds check the group first
        ReceiverSpec s = spec("rhel-8.10", "FUTURE", PRODUCT_DHE, "2048");
        assertTrue(s.groupRefusedAtLoad().isPresent());
        assertTrue(s.certificateRefusedAtLoad().isPresent());
    }

    @Test
    void otherPoliciesAndAnEcdsaCertificateLoad() {
        for (String setting : List.of("DEFAULT", "LEGACY")) {
            for (String stack : List.of("rhel-8.10", "rhel-9.4", "rhel-10.0")) {
                assertFalse(spec(stack, setting, PRODUCT_RSA, "2048").certificateRefusedAtLoad().isPresent(),
                        stack + " " + setting);
            }
        }
        assertFalse(spec("rhel-9.4", "FUTURE", PRODUCT_RSA, "2048").withCertificate(CertificateType.ECDSA_P256)
                .certificateRefusedAtLoad().isPresent(), "an ECDSA P-256 key is not an RSA key below 3072");
        // a bare profile (no policy compiled in) has no minimum yet
        assertFalse(new ReceiverSpec(CATALOG.get("rhel-9.4"), PRODUCT_RSA, null, Duration.ofSeconds(5))
                .certificateRefusedAtLoad().isPresent());
    }
}
