package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.dh.DhInspection;
import io.handshakematrix.dh.Pkcs3Pem;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dh generate: a real safe prime, fresh each time, as PKCS#3 PEM the harness (and OpenSSL) reads back, with the time
 * it took. 512 bits keeps the test under a second or two; the search is the same for 2048.
 */
class DhGenerateTest {
    @TempDir
    Path dir;

    @Test
    void writesAFreshSafePrimeAsPkcs3PemWithTheTimeItTook() throws Exception {
        Path a = dir.resolve("a.pem");
        Path b = dir.resolve("b.pem");
        CliRun r = CliRun.of("dh", "generate", "512", "--out", a.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().matches("(?s)generated a 512-bit safe prime \\(p = 2q\\+1, g = 2\\) in \\d+\\.\\d s; wrote "
                + java.util.regex.Pattern.quote(a.toString()) + ".*"), r.out());
        DhGroup g = Pkcs3Pem.parse(a.toString(), Files.readAllBytes(a));
        assertEquals(512, g.bits());
        assertEquals(BigInteger.TWO, g.g());
        DhInspection i = DhInspection.of(g);
        assertTrue(i.pPrime() && i.pSafe(), "p and (p-1)/2 prime");
        assertEquals(23, g.p().mod(BigInteger.valueOf(24)).intValue(), "p = 23 mod 24: g = 2 generates the order-q subgroup");
        assertEquals(BigInteger.ONE, g.g().modPow(g.p().shiftRight(1), g.p()), "2 is a quadratic residue: its order is q");
        assertEquals(0, CliRun.of("dh", "generate", "512", "--out", b.toString()).code());
        assertNotEquals(g.p(), Pkcs3Pem.parse(b.toString(), Files.readAllBytes(b)).p(), "a fresh prime each time");
    }

    @Test
    void aSizeOutsideTheRangeIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("dh", "generate", "256");
        assertEquals(2, r.code(), r.all());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("BITS 256: expected 512..8192"), r.err());
    }
}
