package io.handshakematrix.dh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.yaml.InputError;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped groups are what their names say: sizes, safe primes, and the intended defects. */
class DhGroupCatalogTest {
    private final DhGroupCatalog groups = DhGroupCatalog.builtin();

    @ParameterizedTest(name = "{0} is a {1}-bit safe prime with g=2")
    @CsvSource({"256,256", "512,512", "768,768", "1024,1024", "2048,2048", "4096,4096", "2048-dhparam,2048"})
    void namedSizesAreSafePrimes(String name, int bits) {
        DhGroup g = groups.resolve(name, null);
        assertEquals(bits, g.bits());
        assertEquals(BigInteger.TWO, g.g());
        assertTrue(g.p().isProbablePrime(40));
        assertTrue(g.p().subtract(BigInteger.ONE).shiftRight(1).isProbablePrime(40));
    }

    @Test
    void badGroupsHaveExactlyTheirDefect() {
        DhGroup p256 = groups.resolve("256", null);
        assertEquals(BigInteger.ONE, groups.resolve("256-g1", null).g());
        assertEquals(p256.p(), groups.resolve("256-g1", null).p());
        DhGroup gpm1 = groups.resolve("1024-g-pm1", null);
        assertEquals(gpm1.p().subtract(BigInteger.ONE), gpm1.g());
        DhGroup comp = groups.resolve("1024-composite", null);
        assertEquals(1024, comp.bits());
        assertTrue(comp.p().testBit(0));
        assertFalse(comp.p().isProbablePrime(40));
        DhGroup even = groups.resolve("1024-even", null);
        assertFalse(even.p().testBit(0));
        assertEquals(1024, even.bits());
    }

    @Test
    void rfc2409Group2IsTheShipped1024() {
        assertEquals(org.bouncycastle.tls.crypto.DHStandardGroups.rfc2409_1024.getP(), groups.resolve("1024", null).p());
        assertEquals(org.bouncycastle.tls.crypto.DHStandardGroups.rfc3526_2048.getP(), groups.resolve("2048", null).p());
        assertEquals(org.bouncycastle.tls.crypto.DHStandardGroups.rfc3526_4096.getP(), groups.resolve("4096", null).p());
    }

    @Test
    void pemErrorsAreOneLine() {
        InputError e = assertThrows(InputError.class, () -> Pkcs3Pem.parse("x.pem",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("x.pem:1: PEM block is 'CERTIFICATE'; expected 'DH PARAMETERS' (PKCS#3)", e.oneLine());
        assertEquals("x.pem: file is empty; expected a PEM 'BEGIN DH PARAMETERS' block",
                assertThrows(InputError.class, () -> Pkcs3Pem.parse("x.pem", new byte[0])).oneLine());
    }
}
