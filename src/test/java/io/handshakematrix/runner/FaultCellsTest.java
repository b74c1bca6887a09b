package io.handshakematrix.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.faults.FaultyReceivers;
import io.handshakematrix.engine.faults.FaultyReceivers.Fault;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Environment faults on the emulated tier: each costs only its own cell, as {@code error} (or
 * {@code timeout}) with the reason, and is never reported as an incompatibility ({@code fail}).
 */
class FaultCellsTest {
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();
    private static final DhGroupCatalog GROUPS = DhGroupCatalog.builtin();
    /** Short, because the silent peer makes the sender wait it out; the verdict does not depend on it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private EngineRegistry engines;
    private MatrixRunner runner;

    @BeforeEach
    void setUp() throws IOException {
        engines = FaultyReceivers.withStandardEngines();
        Matrix m = matrix(List.of("rhel-6.10"));
        runner = new MatrixRunner(new CellRunner(engines, PROFILES, GROUPS, m.product(), dir, TIMEOUT), 2);
    }

    @AfterEach
    void tearDown() {
        engines.close();
    }

    private Matrix matrix(List<String> receivers) throws IOException {
        Path f = dir.resolve("matrix.yaml");
        Files.writeString(f, """
                product:
                  receive_side: {"YES": [AES256-SHA], "NO": [DHE-RSA-AES256-SHA]}
                axes:
                  senders: [rhel-7.7]
                  receivers: %s
                  receive_side: ["NO"]
                  dh: ["1024", "256"]
                expect:
                  - why: "DHE 1024 works"
                    outcome: ok
                    dh_bits: 1024
                  - why: "7.7's 1024-bit client minimum"
                    when: {dh: "256"}
                    outcome: fail
                    failed_side: sender
                    sender_error: dh key too small
                """.formatted(receivers));
        return new MatrixLoader(PROFILES, GROUPS, engines.names()).load(f);
    }

    /** rhel-7.7 -> rhel-6.10 with the receiver's fault; asserts the outcome and returns the result. */
    private HandshakeResult cell(Fault fault, Outcome expected) throws IOException {
        Matrix m = matrix(List.of("rhel-6.10"));
        HandshakeResult r = runner.judge(m, new Cell("rhel-7.7", "rhel-6.10@" + fault.engineName(), "NO", "1024",
                "TLSv1.2", 0)).result();
        assertEquals(expected, r.outcome(), r.summary());
        return r;
    }

    @Test
    void peerClosingMidHandshakeIsAnErrorNamingWhere() throws IOException {
        for (Fault f : List.of(Fault.CLOSE_ON_CLIENT_HELLO, Fault.CLOSE_AFTER_SERVER_HELLO)) {
            HandshakeResult r = cell(f, Outcome.ERROR);
            assertEquals("the receiver closed the connection "
                    + (f == Fault.CLOSE_ON_CLIENT_HELLO ? "before its ServerHello" : "after ServerHello")
                    + " with no alert and no failure of its own: not a stack verdict", r.detail());
        }
    }

    @Test
    void receiverSendingGarbageIsAnErrorQuotingIt() throws IOException {
        HandshakeResult r = cell(Fault.GARBAGE, Outcome.ERROR);
        assertEquals("sender: the peer does not speak TLS: it sent \"HTTP/\" where a TLS record belongs", r.detail());
    }

    @Test
    void peerThatAcceptsAndNeverAnswersTimesOut() throws IOException {
        HandshakeResult r = cell(Fault.SILENT, Outcome.TIMEOUT);
        assertTrue(r.detail().startsWith("sender "), r.detail());
    }

    @Test
    void engineThatThrowsIsAnErrorWithTheException() throws IOException {
        HandshakeResult r = cell(Fault.THROWS, Outcome.ERROR);
        assertEquals("harness: java.lang.IllegalStateException: injected engine bug in serve()", r.detail());
    }

    @Test
    void portAlreadyTakenIsAnError() throws IOException {
        HandshakeResult r = cell(Fault.PORT_TAKEN, Outcome.ERROR);
        assertTrue(r.detail().startsWith("cannot start receiver: "), r.detail());
        assertTrue(r.detail().contains("in use"), r.detail());
    }

    /** One matrix, every fault beside healthy receivers: all cells finish, faults cost only their own. */
    @Test
    void runCompletesAroundEveryFault() throws Exception {
        List<String> receivers = new ArrayList<>(List.of("rhel-6.10"));
        for (Fault f : Fault.values()) {
            receivers.add("rhel-6.10@" + f.engineName());
        }
        receivers.add("rhel-7.7");
        Matrix m = matrix(receivers);
        List<CellResult> results = runner.run(m, m.cells(), r -> { });

        assertEquals(receivers.size() * 2, results.size());
        Map<String, Outcome> byCell = results.stream().collect(Collectors.toMap(
                r -> r.cell().receiver() + " " + r.cell().dhGroup(), r -> r.result().outcome()));
        for (String healthy : List.of("rhel-6.10", "rhel-7.7")) {
            assertEquals(Outcome.OK, byCell.get(healthy + " 1024"), byCell.toString());
            assertEquals(Outcome.FAIL, byCell.get(healthy + " 256"), byCell.toString());
        }
        for (Fault f : Fault.values()) {
            Outcome expected = f == Fault.SILENT ? Outcome.TIMEOUT : Outcome.ERROR;
            for (String dh : List.of("1024", "256")) {
                assertEquals(expected, byCell.get("rhel-6.10@" + f.engineName() + " " + dh), f + " " + dh);
            }
        }
        results.stream().filter(r -> r.cell().receiver().equals("rhel-6.10") || r.cell().receiver().equals("rhel-7.7"))
                .forEach(r -> assertTrue(r.matches(), r.cell().displayName() + ": " + r.differences()));
    }
}
