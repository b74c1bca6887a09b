package io.handshakematrix.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.engine.wire.PeerBounds;
import io.handshakematrix.profile.ProfileCatalog;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Peers that try to hold the harness, all on 127.0.0.1, each stopping by itself: the emulated sender
 * (connect) and receiver (serve) must end every connection within its bounds, with an honest verdict. The
 * @Timeout is a hang guard (before the fix these hung for ever), not a speed target; memory and time under each
 * peer are measured by .ci/hostile.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostilePeersTest {
    private static final Duration READ = Duration.ofSeconds(2);
    private static final PeerBounds BOUNDS = PeerBounds.forTimeout(READ).withDeadline(Duration.ofSeconds(4));
    private static EmulatedEngine engine;
    private static ProfileCatalog profiles;
    private static DhGroupCatalog groups;

    @BeforeAll
    static void setUp() {
        engine = new EmulatedEngine();
        profiles = ProfileCatalog.builtin();
        groups = DhGroupCatalog.builtin();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static SideReport connect(int port) {
        SenderSpec sender = new SenderSpec(profiles.get("rhel-7.7"), "TLSv1.2", 0, READ);
        return engine.connectTo(sender, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), false, false, BOUNDS);
    }

    private static ReceiverSpec receiver() {
        return new ReceiverSpec(profiles.get("rhel-6.10"), List.of("DHE-RSA-AES256-SHA", "AES256-SHA"),
                groups.resolve("1024", null), READ);
    }

    @Test
    void aServerSendingEndlessHelloRequestsIsCutOffAtTheRecordCap() throws Exception {
        try (HostilePeer h = HostilePeer.floodingServer(0, HostilePeer.HELLO_REQUEST, 60)) {
            SideReport r = connect(h.port());
            assertNotNull(r.harnessError(), String.valueOf(r));
            assertTrue(r.harnessError().contains("over " + PeerBounds.MAX_RECORDS + " TLS records"), r.harnessError());
            assertTrue(r.transcript().size() <= PeerBounds.MAX_RECORDS + 10, "transcript " + r.transcript().size());
        }
    }

    @Test
    void aServerSendingEndlessWarningAlertsIsCutOffAtTheRecordCap() throws Exception {
        try (HostilePeer h = HostilePeer.floodingServer(0, HostilePeer.WARNING_ALERT, 60)) {
            SideReport r = connect(h.port());
            assertNotNull(r.harnessError(), String.valueOf(r));
            assertTrue(r.harnessError().contains("TLS records"), r.harnessError());
        }
    }

    @Test
    void aValidFlightTrickledByteByByteEndsAtTheDeadlineAsATimeout() throws Exception {
        BlockingQueue<SideReport> served = new LinkedBlockingQueue<>();
        try (EmulatedEngine.ReceiverService real = engine.serveMany(receiver(),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), (p, r) -> served.add(r));
             HostilePeer h = HostilePeer.trickle(0, real.address().getPort(), 500, 60)) {
            SideReport r = connect(h.port());
            // each byte comes well inside the 2 s read timeout; only the 4 s deadline can end it
            assertTrue(r.timedOut(), String.valueOf(r));
            assertNull(r.harnessError(), r.harnessError());
            assertTrue(!r.completed());
        }
    }

    @Test
    void serveCutsOffAClientSendingEndlessWarningAlerts() throws Exception {
        BlockingQueue<SideReport> reports = new LinkedBlockingQueue<>();
        try (EmulatedEngine.ReceiverService service = serve(reports, 32);
             HostilePeer h = HostilePeer.floodingClient(service.address().getPort(), HostilePeer.WARNING_ALERT, 60)) {
            SideReport r = reports.poll(60, TimeUnit.SECONDS);
            assertNotNull(r, "no report");
            assertNotNull(r.harnessError(), String.valueOf(r));
            assertTrue(r.harnessError().contains("TLS records"), r.harnessError());
        }
    }

    @Test
    void serveHoldsFiftySlowlorisClientsOnlyToTheirDeadlineAndRefusesPastItsLimit() throws Exception {
        BlockingQueue<SideReport> reports = new LinkedBlockingQueue<>();
        try (EmulatedEngine.ReceiverService service = serve(reports, 32);
             HostilePeer h = HostilePeer.slowloris(service.address().getPort(), 50, 300, 120)) {
            int refused = 0;
            int timedOut = 0;
            for (int i = 0; i < 50; i++) {
                SideReport r = reports.poll(60, TimeUnit.SECONDS);
                assertNotNull(r, "only " + i + " of 50 connections ended");
                if (r.harnessError() != null && r.harnessError().startsWith("refused: 32 connections")) {
                    refused++;
                } else if (r.timedOut()) {
                    timedOut++;
                }
            }
            assertTrue(refused > 0, "none refused past the limit of 32");
            assertTrue(timedOut <= 32, timedOut + " held at once");
            assertEquals(50, refused + timedOut, refused + " refused, " + timedOut + " timed out");
        }
    }

    @Test
    void twoThousandBareConnectsAreErrorsNotStackFailures() throws Exception {
        BlockingQueue<SideReport> reports = new LinkedBlockingQueue<>();
        try (EmulatedEngine.ReceiverService service = serve(reports, 32)) {
            HostilePeer.bareConnects(service.address().getPort(), 2000);
            int noRecord = 0;
            for (int i = 0; i < 2000; i++) {
                SideReport r = reports.poll(60, TimeUnit.SECONDS);
                assertNotNull(r, "only " + i + " of 2000 connections reported");
                assertNotNull(r.harnessError(), "a bare connect judged as a stack's verdict: " + r);
                if (r.harnessError().startsWith("the client sent no TLS record")) {
                    noRecord++;
                }
            }
            assertTrue(noRecord > 1000, noRecord + " of 2000 named as 'sent no TLS record'");
        }
    }

    private static EmulatedEngine.ReceiverService serve(BlockingQueue<SideReport> reports, int max) throws Exception {
        return engine.serveMany(receiver(), new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                (p, r) -> reports.add(r), BOUNDS, max);
    }
}
