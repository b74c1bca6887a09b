package io.handshakematrix.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.hostile.HostileReceiver;
import io.handshakematrix.hostile.HostileReceiver.ForcedYs;
import io.handshakematrix.matrix.ProductSettings;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ProfileCatalog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile DH parameters from the receiver: each cell ends with the sender profile's own verdict
 * (its checks, its order, its alert or none), never a harness crash or a hang.
 * The @Timeout is a hang guard for the whole class, not a speed target.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileParametersTest {
    private static final String G0 = "src/test/resources/hostile/dh1024-g0.pem";
    private static final String P16384 = "src/test/resources/hostile/dh16384-odd.pem";
    private static EngineRegistry engines;
    private static CellRunner runner;

    /** The emulated engine whose receivers misbehave as {@code hostile} says, under its own name. */
    private record HostileEmulated(String name, EmulatedEngine inner) implements Engine {
        HostileEmulated(String name, HostileReceiver hostile) {
            this(name, new EmulatedEngine(hostile));
        }

        @Override
        public RunningReceiver serve(ReceiverSpec spec) throws IOException {
            return inner.serve(spec);
        }

        @Override
        public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
            return inner.connect(spec, receiver);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @BeforeAll
    static void setUp() {
        engines = Engines.standard()
                .register("ys0", () -> new HostileEmulated("ys0", HostileReceiver.sendingYs(ForcedYs.ZERO)))
                .register("ys1", () -> new HostileEmulated("ys1", HostileReceiver.sendingYs(ForcedYs.ONE)))
                .register("ys-pm1", () -> new HostileEmulated("ys-pm1", HostileReceiver.sendingYs(ForcedYs.P_MINUS_1)))
                .register("ske-overrun", () -> new HostileEmulated("ske-overrun", HostileReceiver.withSkeLengthPastEnd()));
        ProductSettings product = new ProductSettings("product", Map.of("NO", List.of("DHE-RSA-AES256-SHA")));
        ProfileCatalog profiles = ProfileCatalog.withDirectory(Path.of("src/test/resources/hostile/profiles"));
        // Generous: a 16384-bit p costs real arithmetic on a shared machine; the verdict must not depend on it.
        runner = new CellRunner(engines, profiles, DhGroupCatalog.builtin(), product, null, Duration.ofSeconds(60));
    }

    @AfterAll
    static void tearDown() {
        engines.close();
    }

    private static HandshakeResult run(String sender, String receiver, String dh) {
        return runner.run(new Cell(sender, receiver, "NO", dh, "TLSv1.2", 0));
    }

    private static void senderFails(HandshakeResult r, Integer alert, String reason, String stoppedAfter) {
        assertEquals(Outcome.FAIL, r.outcome(), r.summary());
        assertEquals(Side.SENDER, r.failedSide(), r.summary());
        assertEquals(reason, r.reason(), r.summary());
        assertEquals(stoppedAfter, r.stoppedAfter(), r.summary());
        if (alert == null) {
            assertNull(r.alert(), r.summary());
        } else {
            assertEquals(alert, r.alert().code(), r.summary());
        }
    }

    @Test
    void ysZeroMeetsEachProfilesFirstFailingCheck() {
        // 7.7 checks Ys != 0 while parsing (alert 50); 6.10 only finds it computing the key (no alert).
        senderFails(run("rhel-7.7", "rhel-6.10@ys0", "1024"), 50, "bad dh pub key value", "ServerKeyExchange");
        senderFails(run("rhel-6.10", "rhel-6.10@ys0", "1024"), null, "invalid public key", "ServerHelloDone");
        senderFails(run("rhel-6-pre-logjam", "rhel-6.10@ys0", "1024"), null, "invalid public key", "ServerHelloDone");
    }

    @Test
    void ysOneAndPMinusOneFailTheRangeCheckWithoutAlert() {
        for (String hostile : List.of("ys1", "ys-pm1")) {
            senderFails(run("rhel-7.7", "rhel-6.10@" + hostile, "1024"), null, "invalid public key", "ServerHelloDone");
            senderFails(run("rhel-6.10", "rhel-6.10@" + hostile, "1024"), null, "invalid public key", "ServerHelloDone");
        }
    }

    @Test
    void generatorZeroGivesYsZero() {
        senderFails(run("rhel-7.7", "rhel-6.10", G0), 50, "bad dh pub key value", "ServerKeyExchange");
        senderFails(run("rhel-6.10", "rhel-6.10", G0), null, "invalid public key", "ServerHelloDone");
    }

    @Test
    void serverKeyExchangeLengthPastItsEndIsADecodeError() {
        HandshakeResult r = run("rhel-7.7", "rhel-6.10@ske-overrun", "1024");
        senderFails(r, 50, "[emulator] decode_error(50); ServerKeyExchange lengths run past the message end", "ServerKeyExchange");
    }

    @Test
    void p16384BitsEndsWithTheProfilesVerdict() {
        // Huge p: 1.0.1e/1.0.2k compute_key refuses p over OPENSSL_DH_MAX_MODULUS_BITS (10000), without an alert.
        senderFails(run("rhel-7.7", "rhel-6.10", P16384), null, "modulus too large", "ServerHelloDone");
        senderFails(run("rhel-6.10", "rhel-6.10", P16384), null, "modulus too large", "ServerHelloDone");
        // The test profile with its own max_bits 10000 refuses it where that check runs, without an alert.
        senderFails(run("rhel-7.7-max-10000", "rhel-6.10", P16384), null, "modulus too large", "ServerHelloDone");
    }
}
