package io.handshakematrix.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.model.CipherSuites;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A profile under a crypto policy offers and demands what docs/stacks.md measured under that policy. */
class PolicyCompilerTest {
    private static final ProfileCatalog CATALOG = ProfileCatalog.builtin();

    private static StackProfile under(String stack, String setting) {
        StackProfile p = CATALOG.get(stack);
        return PolicyCompiler.compile(p, CATALOG.policies().resolve(p.policyRelease(), setting).policy().orElseThrow());
    }

    @Test
    void theRenegotiationScsvStaysUnderEveryPolicy() {
        // docs/stacks.md: the DEFAULT ClientHello ends with 00ff; real upstream under the generated configs keeps it
        // under DEFAULT, LEGACY and FUTURE too ('Policy twins')
        for (String setting : List.of("DEFAULT", "LEGACY", "FUTURE")) {
            for (String stack : List.of("rhel-8.10", "rhel-9.4", "rhel-10.0")) {
                List<Integer> suites = under(stack, setting).clientHello().cipherSuites();
                assertEquals(CipherSuites.RENEGOTIATION_SCSV, suites.get(suites.size() - 1), stack + " " + setting);
            }
        }
    }

    @Test
    void rhel9DefaultSendsTheMeasuredSignatureAlgorithmsWithoutSha1() {
        // docs/stacks.md: 0403 0503 0603 0807 0808 0809 080a 080b 0804 0805 0806 0401 0501 0601 0303 0301
        assertEquals(List.of(0x0403, 0x0503, 0x0603, 0x0807, 0x0808, 0x0809, 0x080a, 0x080b, 0x0804, 0x0805, 0x0806,
                0x0401, 0x0501, 0x0601, 0x0303, 0x0301), under("rhel-9.4", "DEFAULT").clientHello().signatureAlgorithms());
        // DEFAULT:SHA1 and LEGACY put RHEL 8's SHA-1 tail back; RHEL 8 DEFAULT keeps it.
        assertTrue(under("rhel-9.4", "DEFAULT:SHA1").clientHello().signatureAlgorithms().contains(0x0201));
        assertTrue(under("rhel-9.4", "LEGACY").clientHello().signatureAlgorithms().contains(0x0201));
        assertTrue(under("rhel-8.10", "DEFAULT").clientHello().signatureAlgorithms().contains(0x0201));
        assertFalse(under("rhel-8.10", "DEFAULT:NO-SHA1").clientHello().signatureAlgorithms().contains(0x0201));
    }

    @Test
    void rsaKeyExchangeLeavesWithFutureAndWithRhel10Default() {
        int aes256Sha = CipherSuites.code("AES256-SHA");
        assertTrue(under("rhel-9.4", "DEFAULT").clientHello().cipherSuites().contains(aes256Sha));
        for (String[] c : new String[][] {{"rhel-9.4", "FUTURE"}, {"rhel-8.10", "FIPS"}, {"rhel-10.0", "DEFAULT"}}) {
            StackProfile p = under(c[0], c[1]);
            assertFalse(p.clientHello().cipherSuites().contains(aes256Sha), c[0] + " " + c[1]);
            assertFalse(p.allowsSuite("AES256-SHA"), c[0] + " " + c[1]);
            assertTrue(p.allowsSuite("DHE-RSA-AES256-GCM-SHA384"), c[0] + " " + c[1]);
            assertEquals(!c[1].equals("FUTURE"), p.allowsSuite("DHE-RSA-AES256-SHA"), c[0] + " " + c[1] + ": FUTURE drops CBC");
        }
        assertTrue(under("rhel-10.0", "LEGACY").allowsSuite("AES256-SHA"));
    }

    @Test
    void theLevelSetsTheDhMinimumTheProtocolsAndTheSmallestGroupTheServerLoads() {
        assertEquals(1024, under("rhel-8.10", "LEGACY").client().dhMinBits());
        assertEquals(List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"), under("rhel-8.10", "LEGACY").protocols());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), under("rhel-9.4", "LEGACY").protocols());
        assertEquals(3072, under("rhel-9.4", "FUTURE").client().dhMinBits());
        ServerDhRule load = under("rhel-9.4", "LEGACY").server().unusableDh().get(0);
        assertEquals(ServerDhRule.Action.REFUSE_TO_LOAD, load.action());
        assertEquals(2048, load.bits());
        assertEquals(1024, under("rhel-8.10", "LEGACY").server().unusableDh().get(0).bits());
    }

    @Test
    void adSupportChangesNothingInTls() {
        StackProfile plain = under("rhel-9.4", "DEFAULT");
        StackProfile ad = under("rhel-9.4", "DEFAULT:AD-SUPPORT");
        assertEquals(plain.protocols(), ad.protocols());
        assertEquals(plain.cipherSuites(), ad.cipherSuites());
        assertEquals(plain.client().dhMinBits(), ad.client().dhMinBits());
        assertEquals(plain.clientHello().signatureAlgorithms(), ad.clientHello().signatureAlgorithms());
        assertEquals(plain.clientHello().cipherSuites(), ad.clientHello().cipherSuites());
    }

    @Test
    void theChecksKeepTheBuildsOrder() {
        // docs/stacks.md: DH parameter check first, then the size (RHEL 9: DH_check_params_ex then the security level).
        assertEquals(List.of(CheckKind.P_ODD, CheckKind.G_IN_RANGE, CheckKind.MIN_MODULUS_BITS, CheckKind.MIN_BITS),
                under("rhel-9.4", "LEGACY").client().checks().stream().map(DhCheck::kind).toList());
        assertEquals(List.of(CheckKind.YS_NONZERO, CheckKind.P_ODD, CheckKind.G_IN_RANGE, CheckKind.MIN_BITS),
                under("rhel-8.10", "DEFAULT").client().checks().stream().map(DhCheck::kind).toList());
    }

    @Test
    void theSignatureCheckRunsLastAndOnlyWhereThePolicyRefusesSha1() {
        // docs/stacks.md: the DH size check runs before the signature check; RHEL 9 DEFAULT refuses SHA-1 (alert 47),
        // LEGACY and DEFAULT:SHA1 accept it; RHEL 8 DEFAULT accepts it, FUTURE refuses it (alert 40).
        assertEquals(List.of(CheckKind.P_ODD, CheckKind.G_IN_RANGE, CheckKind.MIN_MODULUS_BITS, CheckKind.MIN_BITS,
                CheckKind.SHA1_SIGNATURE), kinds(under("rhel-9.4", "DEFAULT")));
        assertEquals(47, check(under("rhel-9.4", "DEFAULT"), CheckKind.SHA1_SIGNATURE).alert());
        assertFalse(kinds(under("rhel-9.4", "DEFAULT:SHA1")).contains(CheckKind.SHA1_SIGNATURE));
        assertFalse(kinds(under("rhel-8.10", "DEFAULT")).contains(CheckKind.SHA1_SIGNATURE));
        assertEquals(40, check(under("rhel-8.10", "FUTURE"), CheckKind.SHA1_SIGNATURE).alert());
        assertTrue(kinds(under("rhel-8.10", "DEFAULT:NO-SHA1")).contains(CheckKind.SHA1_SIGNATURE));
        assertTrue(kinds(under("rhel-10.0", "LEGACY")).contains(CheckKind.SHA1_SIGNATURE));
    }

    @Test
    void fipsChecksNamedGroupsFirstOnBothSides() {
        // FIPS: named groups only (docs/stacks.md policy table), checked before p, g and the size.
        assertEquals(List.of(CheckKind.NAMED_GROUP, CheckKind.P_ODD, CheckKind.G_IN_RANGE, CheckKind.MIN_MODULUS_BITS,
                CheckKind.MIN_BITS, CheckKind.SHA1_SIGNATURE), kinds(under("rhel-9.4", "FIPS")));
        assertEquals(CheckKind.NAMED_GROUP, kinds(under("rhel-8.10", "FIPS")).get(1)); // after the zero-Ys check
        for (String level : List.of("DEFAULT", "LEGACY", "FUTURE")) {
            assertFalse(kinds(under("rhel-9.4", level)).contains(CheckKind.NAMED_GROUP), level);
            assertTrue(under("rhel-9.4", level).server().unusableDh().stream()
                    .noneMatch(r -> r.when() == ServerDhRule.Condition.NOT_NAMED_GROUP), level);
        }
        assertEquals(ServerDhRule.Action.USE_NAMED_GROUP, namedRule(under("rhel-8.10", "FIPS")).action());
        assertEquals(ServerDhRule.Action.SEND_ALERT, namedRule(under("rhel-9.4", "FIPS")).action());
        assertEquals(80, namedRule(under("rhel-10.0", "FIPS")).alert());
    }

    @Test
    void theNamedGroupsAreRfc3526AndRfc7919WithGenerator2() {
        java.math.BigInteger two = java.math.BigInteger.TWO;
        assertTrue(FipsDhGroups.approved(org.bouncycastle.tls.crypto.DHStandardGroups.rfc3526_2048.getP(), two));
        assertTrue(FipsDhGroups.approved(org.bouncycastle.tls.crypto.DHStandardGroups.rfc7919_ffdhe2048.getP(), two));
        assertFalse(FipsDhGroups.approved(org.bouncycastle.tls.crypto.DHStandardGroups.rfc3526_2048.getP(),
                java.math.BigInteger.valueOf(5)));
        assertFalse(FipsDhGroups.approved(org.bouncycastle.tls.crypto.DHStandardGroups.rfc2409_1024.getP(), two));
        assertEquals(2048, FipsDhGroups.sameSize(2048).getP().bitLength());
        assertEquals(null, FipsDhGroups.sameSize(2047));
    }

    private static List<CheckKind> kinds(StackProfile p) {
        return p.client().checks().stream().map(DhCheck::kind).toList();
    }

    private static DhCheck check(StackProfile p, CheckKind kind) {
        return p.client().checks().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    private static ServerDhRule namedRule(StackProfile p) {
        return p.server().unusableDh().stream().filter(r -> r.when() == ServerDhRule.Condition.NOT_NAMED_GROUP)
                .findFirst().orElseThrow();
    }
}
