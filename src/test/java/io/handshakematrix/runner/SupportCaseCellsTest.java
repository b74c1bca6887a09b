package io.handshakematrix.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.matrix.ProductSettings;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ProfileCatalog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cells of the support case the tool was built for, each from a real handshake on the emulated engine. */
class SupportCaseCellsTest {
    private static EngineRegistry engine;
    private static CellRunner runner;

    @BeforeAll
    static void setUp() {
        engine = Engines.standard();
        ProductSettings product = new ProductSettings("product", Map.of(
                "YES", List.of("AES256-SHA"), "NO", List.of("DHE-RSA-AES256-SHA")));
        runner = new CellRunner(engine, ProfileCatalog.builtin(), DhGroupCatalog.builtin(), product, null,
                Duration.ofSeconds(10));
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static HandshakeResult run(String sender, String receiver, String side, String dh) {
        return runner.run(new Cell(sender, receiver, side, dh, "TLSv1.2", 0));
    }

    @Test
    void rhel77SenderRejectsGeneratorOneBeforeSize() {
        for (String dh : List.of("256-g1", "256-g-pm1")) {
            HandshakeResult r = run("rhel-7.7", "rhel-6.10", "NO", dh);
            assertEquals(Outcome.FAIL, r.outcome(), dh + ": " + r.summary());
            assertEquals(Side.SENDER, r.failedSide());
            assertEquals("ServerKeyExchange", r.stoppedAfter());
            assertTrue(r.senderErrors().get(0).startsWith(
                    "error:1408D177:SSL routines:ssl3_get_key_exchange:bad dh g value"), r.senderErrors().toString());
            assertEquals(50, r.alert().code());
            assertTrue(r.receiverErrors().contains(
                    "error:1409441A:SSL routines:SSL3_READ_BYTES:tlsv1 alert decode error:s3_pkt.c:1275:SSL alert number 50"),
                    r.receiverErrors().toString());
        }
    }

    @Test
    void rhel77SenderRejects256BitGroupAsTooSmall() {
        HandshakeResult r = run("rhel-7.7", "rhel-6.10", "NO", "256");
        assertEquals(Outcome.FAIL, r.outcome(), r.summary());
        assertEquals(Side.SENDER, r.failedSide());
        assertEquals(40, r.alert().code());
        assertEquals("dh key too small", r.reason());
        assertTrue(r.receiverErrors().contains(
                "error:14094410:SSL routines:SSL3_READ_BYTES:sslv3 alert handshake failure:s3_pkt.c:1275:SSL alert number 40"),
                r.receiverErrors().toString());
    }

    @Test
    void rsaKeyExchangeWorksWhateverTheGroup() {
        for (String dh : List.of("256", "256-g1", "1024-even")) {
            HandshakeResult r = run("rhel-7.7", "rhel-6.10", "YES", dh);
            assertEquals(Outcome.OK, r.outcome(), dh + ": " + r.summary());
            assertEquals("AES256-SHA", r.cipher());
            assertEquals("TLSv1.2", r.protocol());
            assertNull(r.dhBits());
        }
    }

    @Test
    void dhe1024Works() {
        HandshakeResult r = run("rhel-7.7", "rhel-6.10", "NO", "1024");
        assertEquals(Outcome.OK, r.outcome(), r.summary());
        assertEquals("DHE-RSA-AES256-SHA", r.cipher());
        assertEquals(1024, r.dhBits());
    }

    @Test
    void preLogjamSenderAcceptsTheSmallGroup() {
        HandshakeResult r = run("rhel-6-pre-logjam", "rhel-6.10", "NO", "256");
        assertEquals(Outcome.OK, r.outcome(), r.summary());
        assertEquals(256, r.dhBits());
    }

    @Test
    void rhel610SenderFailsOnInvalidPublicValueWithoutAlert() {
        HandshakeResult r = run("rhel-6.10", "rhel-7.7", "NO", "1024-g-pm1");
        assertEquals(Outcome.FAIL, r.outcome(), r.summary());
        assertEquals(Side.SENDER, r.failedSide());
        assertNull(r.alert(), r.summary());
        assertEquals("ServerHelloDone", r.stoppedAfter());
        assertEquals("invalid public key", r.reason());
    }

    @Test
    void evenPrimeOnRhel610ReceiverDropsDhe() {
        HandshakeResult r = run("rhel-7.7", "rhel-6.10", "NO", "1024-even");
        assertEquals(Outcome.FAIL, r.outcome(), r.summary());
        assertEquals(Side.RECEIVER, r.failedSide());
        assertEquals(40, r.alert().code());
        assertEquals("no shared cipher", r.reason());
    }

    @Test
    void evenPrimeOnRhel77ReceiverClosesWithoutAlert() {
        HandshakeResult r = run("rhel-6.10", "rhel-7.7", "NO", "1024-even");
        assertEquals(Outcome.FAIL, r.outcome(), r.summary());
        assertEquals(Side.RECEIVER, r.failedSide());
        assertNull(r.alert(), r.summary());
        assertTrue(r.senderErrors().get(0).contains("ssl handshake failure"), r.senderErrors().toString());
    }

    @Test
    void transcriptReadsLikeSClientMsg() {
        HandshakeResult r = run("rhel-7.7", "rhel-6.10", "NO", "256-g1");
        String t = String.join("\n", r.transcript());
        assertTrue(t.contains(">>> TLS 1.") && t.contains("ClientHello"), t);
        assertTrue(t.contains("<<< TLS 1.2 Handshake") && t.contains("ServerKeyExchange"), t);
        assertTrue(t.contains(">>> TLS 1.2 Alert [length 0002], fatal decode_error (50)"), t);
    }
}
