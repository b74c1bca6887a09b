package io.handshakematrix.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** configssl.cnf as the product reads it, and every bad-input case as one line with file and line. */
class ConfigSslReaderTest {
    private static final DhGroupCatalog GROUPS = DhGroupCatalog.builtin();
    private static final ProductProfile PRODUCT = ProductProfiles.builtin();

    @TempDir
    Path dir;

    private ConfigSsl read(String text) throws IOException {
        Path f = dir.resolve("configssl.cnf");
        Files.writeString(f, text);
        return new ConfigSslReader(PRODUCT, GROUPS).read(f);
    }

    private InputError error(String text) {
        return assertThrows(InputError.class, () -> read(text));
    }

    private void pem(String name, String group) throws IOException {
        Files.copy(Path.of("src/main/resources/dh/dh" + group + ".pem"), dir.resolve(name));
    }

    @Test
    void supportCaseSampleServesTheInternal256BitTable() {
        ConfigSsl c = new ConfigSslReader(PRODUCT, GROUPS).read(Path.of("examples/configssl.cnf"));
        assertEquals("NO", c.receiveSide());
        assertEquals(4, c.receiveSideLine());
        assertEquals(4, c.dhTables().size());
        ReceiverSetting s = PRODUCT.effective(c);
        assertEquals("NO", s.receiveSide());
        assertEquals("256-g1", s.dhGroup());
        assertTrue(s.why().contains("internal program table"), s.why());
    }

    @Test
    void pemFileIsResolvedAgainstTheConfigFolderAndTheLargestTableWins() throws IOException {
        pem("a.pem", "1024");
        pem("b.pem", "2048");
        ConfigSsl c = read("# comment\n[rsakey]\n  RECEIVE_SIDE = no   # inline comment\n\n[DH]\n"
                + "DH_1024_RECEIVE_SIDE = a.pem\nDH_2048_RECEIVE_SIDE = b.pem\nDH_4096_RECEIVE_SIDE =\n");
        assertEquals("NO", c.receiveSide());
        ReceiverSetting s = PRODUCT.effective(c);
        assertEquals(dir.resolve("b.pem").toAbsolutePath().toString(), s.dhGroup());
        assertTrue(s.why().contains("DH_2048_RECEIVE_SIDE = b.pem (line 7), the largest of 2 tables set"), s.why());
    }

    @Test
    void blankReceiveSideTakesTheProductDefault() throws IOException {
        ConfigSsl c = read("[RSAKEY]\nRECEIVE_SIDE =\n");
        assertNull(c.receiveSide());
        assertEquals("NO", PRODUCT.effective(c).receiveSide());
    }

    @Test
    void unknownSectionIsOneLineWithItsLine() {
        InputError e = error("[RSAKEY]\nRECEIVE_SIDE = YES\n[CIPHERS]\n");
        assertEquals(dir.resolve("configssl.cnf") + ":3: unknown section [CIPHERS]; expected [RSAKEY] or [DH]", e.oneLine());
    }

    @Test
    void unknownKeyNamesTheKeysThatExist() {
        InputError e = error("[DH]\nDH_768_RECEIVE_SIDE = x.pem\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith("unknown key 'DH_768_RECEIVE_SIDE' in [DH]; expected one of DH_512_RECEIVE_SIDE"),
                e.getMessage());
        assertEquals(3, error("[RSAKEY]\nRECEIVE_SIDE = YES\nSEND_SIDE = YES\n").line());
    }

    @Test
    void receiveSideMustBeYesOrNo() {
        InputError e = error("[RSAKEY]\nRECEIVE_SIDE = maybe\n");
        assertEquals(dir.resolve("configssl.cnf") + ":2: RECEIVE_SIDE: expected YES or NO, found 'maybe'", e.oneLine());
    }

    @Test
    void missingPemNamesTheConfigLine() {
        InputError e = error("[DH]\n\nDH_1024_RECEIVE_SIDE = missing.pem\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("DH_1024_RECEIVE_SIDE names 'missing.pem' but "), e.getMessage());
    }

    @Test
    void pemThatIsNotDhParametersNamesThePemAndTheConfigLine() throws IOException {
        Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n");
        InputError e = error("[DH]\nDH_2048_RECEIVE_SIDE = cert.pem\n");
        assertEquals(dir.resolve("cert.pem").toAbsolutePath().toString(), e.file());
        assertTrue(e.getMessage().contains("expected 'DH PARAMETERS'") && e.getMessage().contains("configssl.cnf:2"),
                e.getMessage());
    }

    @Test
    void otherMalformedLines() {
        assertEquals(1, error("RECEIVE_SIDE = YES\n").line());
        assertTrue(error("[RSAKEY]\nRECEIVE_SIDE YES\n").getMessage().startsWith("expected KEY = VALUE"));
        assertTrue(error("[RSAKEY]\nRECEIVE_SIDE = YES\nRECEIVE_SIDE = NO\n").getMessage().contains("set twice (first at line 2)"));
        assertEquals(dir.resolve("none.cnf") + ": file not found; expected a configssl.cnf file",
                assertThrows(InputError.class, () -> new ConfigSslReader(PRODUCT, GROUPS).read(dir.resolve("none.cnf")))
                        .oneLine());
    }
}
