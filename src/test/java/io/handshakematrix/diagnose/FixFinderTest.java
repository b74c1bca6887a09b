package io.handshakematrix.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ConfigSslReader;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.Engines;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explanations name the refusing rule; every proposed fix is a handshake that really ran. */
class FixFinderTest {
    private static final ProductProfile PRODUCT = ProductProfiles.builtin();
    private static EngineRegistry engines;
    private static CellRunner runner;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        engines = Engines.standard();
        ProfileCatalog profiles = ProfileCatalog.withDirectory(Path.of("src/test/resources/newer-profiles"));
        runner = new CellRunner(engines, profiles, DhGroupCatalog.builtin(), new io.handshakematrix.matrix.ProductSettings(PRODUCT.id(), PRODUCT.receiveSideSuites()), null, Duration.ofSeconds(10));
    }

    @AfterAll
    static void tearDown() {
        engines.close();
    }

    private static Cell cell(String sender, String side, String dh) {
        return new Cell(sender, "rhel-6.10", side, dh, "TLSv1.2", 0);
    }

    @Test
    void supportCaseNamesTheGeneratorRuleAndVerifiesBothFixes() {
        Cell c = cell("rhel-7.7", "NO", "256-g1");
        HandshakeResult r = runner.run(c);
        Explanation e = new Explainer(runner).explain(c, r);
        assertEquals(Side.SENDER, e.side());
        assertEquals("g_above_1", e.rule());
        assertEquals("real handshakes with g=0 or g=1", e.ruleSource());
        assertTrue(e.sentence().contains("256-g1 (256 bits, g=1) while parsing the ServerKeyExchange"), e.sentence());
        assertTrue(e.sentence().contains("decode_error (50)"), e.sentence());

        Resolution res = FixFinder.resolve(new CellResult(c, "emulated", r, null, null, List.of()), runner);
        FixAttempt rsa = res.attempts().get(0);
        assertEquals("[RSAKEY] RECEIVE_SIDE = YES", rsa.change());
        assertEquals("YES", rsa.cell().receiveSide());
        assertEquals(Outcome.OK, rsa.result().outcome());
        assertEquals("AES256-SHA", rsa.result().cipher());
        FixAttempt dh = res.fixes().get(1);
        assertEquals("[DH] DH_1024_RECEIVE_SIDE = dh1024.pem", dh.change());
        assertEquals("DHE-RSA-AES256-SHA", dh.result().cipher());
        assertEquals(1024, dh.result().dhBits());
        assertTrue(dh.line().endsWith("-> ok, TLSv1.2 DHE-RSA-AES256-SHA, DH 1024"), dh.line());
        // 512 was tried first and really failed: the list is what ran, not what was assumed
        FixAttempt dh512 = res.attempts().get(1);
        assertEquals("[DH] DH_512_RECEIVE_SIDE = dh512.pem", dh512.change());
        assertEquals("dh key too small", dh512.result().reason());
    }

    @Test
    void newerSenderNeeds2048() {
        Cell c = cell("newer-2048", "NO", "256-g1");
        Resolution res = new FixFinder(runner, PRODUCT).resolve(c, runner.run(c), null);
        List<String> dh = res.attempts().stream().filter(a -> a.change().startsWith("[DH]"))
                .map(a -> a.change() + " " + a.works()).toList();
        assertEquals(List.of("[DH] DH_512_RECEIVE_SIDE = dh512.pem false", "[DH] DH_1024_RECEIVE_SIDE = dh1024.pem false",
                "[DH] DH_2048_RECEIVE_SIDE = dh2048.pem true"), dh);
    }

    @Test
    void senderOverrideIsTriedWhenTheGroupIsWithinItsRange() {
        Cell c = cell("rhel-7.7", "NO", "512");
        Resolution res = new FixFinder(runner, PRODUCT).resolve(c, runner.run(c), null);
        FixAttempt last = res.attempts().get(res.attempts().size() - 1);
        assertEquals("MinimumDHBits 512", last.change());
        assertEquals("sender /etc/pki/tls/legacy-settings", last.where());
        assertTrue(last.works(), last.line());
    }

    @Test
    void withAConfigALargerBrokenTableStillWinsSoOnlyReplacingItHelps() throws IOException {
        Files.copy(Path.of("src/main/resources/dh/dh1024-even.pem"), dir.resolve("even.pem"));
        Path cfg = dir.resolve("configssl.cnf");
        Files.writeString(cfg, "[RSAKEY]\nRECEIVE_SIDE = NO\n[DH]\nDH_2048_RECEIVE_SIDE = even.pem\n");
        ConfigSsl config = new ConfigSslReader(PRODUCT, runner.groups()).read(cfg);
        Cell c = cell("rhel-7.7", "NO", PRODUCT.effective(config).dhGroup());
        HandshakeResult r = runner.run(c);
        Explanation e = new Explainer(runner).explain(c, r);
        assertEquals(Side.RECEIVER, e.side(), r.summary());
        assertEquals("p_even", e.rule());
        Resolution res = new FixFinder(runner, PRODUCT).resolve(c, r, config);
        List<String> dh = res.attempts().stream().map(FixAttempt::change).filter(s -> s.startsWith("[DH]")).toList();
        assertEquals(List.of("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem"), dh, "512 and 1024 would not change what is served");
        assertTrue(res.first().isPresent());
    }

    @Test
    void successNeedsNoFix() {
        Cell c = cell("rhel-7.7", "NO", "1024");
        HandshakeResult r = runner.run(c);
        assertEquals(Outcome.OK, r.outcome());
        assertFalse(new FixFinder(runner, PRODUCT).resolve(c, r, null).first().isPresent());
    }
}
