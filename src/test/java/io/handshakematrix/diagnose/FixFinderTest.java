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
import io.handshakematrix.runner.Engines;
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
        // every size from 1024 up really ran; 512 is declared by the product but never proposed
        assertEquals(List.of("[DH] DH_1024_RECEIVE_SIDE = dh1024.pem", "[DH] DH_2048_RECEIVE_SIDE = dh2048.pem",
                "[DH] DH_4096_RECEIVE_SIDE = dh4096.pem"), res.attempts().stream().map(FixAttempt::change)
                .filter(x -> x.startsWith("[DH]")).toList());
        FixAttempt dh1024 = res.attempts().get(1);
        assertTrue(dh1024.line().endsWith("-> ok, TLSv1.2 DHE-RSA-AES256-SHA, DH 1024"), dh1024.line());
        // the current OpenSSL 3.0 client (SECLEVEL 2) refuses 1024 in its own handshake: a cost of that fix
        FixAttempt.PeerCheck openssl3 = dh1024.peers().stream().filter(p -> p.peer().equals("openssl-3.0")).findFirst()
                .orElseThrow();
        assertEquals("dh key too small", openssl3.result().reason(), openssl3.result().summary());
        assertFalse(dh1024.costs().isEmpty());
    }

    @Test
    void supportCaseRanksADheFixEveryCurrentPeerAcceptsAboveRsa() {
        Cell c = cell("rhel-7.7", "NO", "256-g1");
        Resolution res = new FixFinder(runner, PRODUCT).resolve(c, runner.run(c), null);
        FixAttempt best = res.first().orElseThrow();
        assertEquals("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem", best.change());
        assertTrue(best.keepsDhe());
        assertTrue(best.refused().isEmpty(), best.costs().toString());
        assertEquals(best.counted(), best.accepted().size());
        assertTrue(best.counted() >= 3, "peers tried: " + best.peers());
        List<String> order = res.fixes().stream().map(FixAttempt::change).toList();
        assertTrue(order.indexOf(best.change()) < order.indexOf("[RSAKEY] RECEIVE_SIDE = YES"), order.toString());
        FixAttempt rsa = res.fixes().stream().filter(a -> !a.keepsDhe()).findFirst().orElseThrow();
        assertTrue(rsa.costs().get(0).contains("no forward secrecy"), rsa.costs().toString());
        // Temurin 25 has no TLS_RSA_* suites: the RSA fix fails there, measured by a handshake
        assertTrue(rsa.refused().stream().anyMatch(p -> p.peer().equals("jdk-25")), rsa.peers().toString());
        assertTrue(res.whyAboveRsa().orElseThrow().contains("gives up forward secrecy"));
        assertEquals(best, res.smallestWithoutCost().orElseThrow());
    }

    /** Whatever failed, a proposed [DH] change names a key the product declares, of at least 1024 bits. */
    @Test
    void everyProposedDhKeyIsDeclaredByTheProductAndAtLeast1024Bits() {
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("\\[DH\\] (\\S+) = ");
        for (String sender : List.of("rhel-7.7", "rhel-6.10", "rhel-7.7-fips", "newer-2048", "jdk-17", "bc-fips-approved")) {
            for (String dh : List.of("256", "512", "768", "256-g1", "1024-g-pm1", "1024-even")) {
                Cell c = cell(sender, "NO", dh);
                for (FixAttempt a : new FixFinder(runner, PRODUCT).resolve(c, runner.run(c), null).attempts()) {
                    java.util.regex.Matcher m = key.matcher(a.change());
                    if (m.find()) {
                        Integer bits = PRODUCT.dhKeys().get(m.group(1));
                        assertTrue(bits != null, a.change() + ": not a [DH] key of " + PRODUCT.origin());
                        assertTrue(bits >= 1024, a.change() + ": a group under 1024 bits");
                    }
                    assertFalse(a.change().matches(".*MinimumDHBits (\\d{1,3}|10[01]\\d|102[0-3])$"), a.change());
                }
            }
        }
    }

    @Test
    void newerSenderNeeds2048() {
        Cell c = cell("newer-2048", "NO", "256-g1");
        Resolution res = new FixFinder(runner, PRODUCT).resolve(c, runner.run(c), null);
        List<String> dh = res.attempts().stream().filter(a -> a.change().startsWith("[DH]"))
                .map(a -> a.change() + " " + a.works()).toList();
        assertEquals(List.of("[DH] DH_1024_RECEIVE_SIDE = dh1024.pem false",
                "[DH] DH_2048_RECEIVE_SIDE = dh2048.pem true", "[DH] DH_4096_RECEIVE_SIDE = dh4096.pem true"), dh);
        assertEquals("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem", res.first().orElseThrow().change());
    }

    @Test
    void senderOverrideIsNeverOfferedToLetAGroupUnder1024BitsThrough() {
        Cell c = cell("rhel-7.7", "NO", "512");
        Resolution res = new FixFinder(runner, PRODUCT).resolve(c, runner.run(c), null);
        assertTrue(res.attempts().stream().noneMatch(FixAttempt::senderSide), res.attempts().toString());
    }

    @Test
    void senderOverrideIsTriedWhenTheGroupIsWithinItsRange() {
        Cell c = cell("newer-2048", "NO", "1024");
        Resolution res = new FixFinder(runner, PRODUCT).resolve(c, runner.run(c), null);
        FixAttempt last = res.attempts().get(res.attempts().size() - 1);
        assertEquals("MinimumDHBits 1024", last.change());
        assertEquals("sender /etc/pki/tls/legacy-settings", last.where());
        assertTrue(last.works(), last.line());
        assertTrue(last.costs().stream().anyMatch(x -> x.contains("changed on the sender")), last.costs().toString());
        // a receiver-side DHE fix that costs nothing ranks above changing the sender
        assertEquals("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem", res.first().orElseThrow().change());
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
        assertEquals(List.of("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem", "[DH] DH_4096_RECEIVE_SIDE = dh4096.pem"), dh,
                "1024 would not change what is served (the larger broken table wins); 512 is never proposed");
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
