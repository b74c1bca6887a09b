package io.handshakematrix.runner;

import io.handshakematrix.results.ResultJournal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.SideTrace;
import io.handshakematrix.model.WireEvent;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.results.ResultsJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each side reports the profile rule that fired and its connection's events timed off the wire, and a
 * cell's result keeps both through results.json and the journal (resume, merge). The support case, run for real:
 * RHEL 7.7's sender gives up on rule g_above_1 right after the 256-bit group's ServerKeyExchange, with alert 50.
 */
class SideTraceTest {
    private static final Path MATRIX = Path.of("matrix.yaml");
    private static HandshakeResult supportCase;
    private static HandshakeResult ok;
    private static HandshakeResult realJdk;

    @BeforeAll
    static void run() {
        ProfileCatalog profiles = ProfileCatalog.builtin();
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        try (EngineRegistry engines = Engines.standard()) {
            Matrix m = new MatrixLoader(profiles, groups, engines.names()).load(MATRIX);
            CellRunner runner = new CellRunner(engines, profiles, groups, m.product(), MATRIX.toAbsolutePath().getParent(),
                    Duration.ofSeconds(20));
            supportCase = runner.run(new Cell("rhel-7.7", "rhel-6.10", "NO", "256-g1", "TLSv1.2", 0));
            ok = runner.run(new Cell("rhel-7.7", "rhel-6.10", "NO", "1024", "TLSv1.2", 0));
            // a real JDK 17 sender in a child JVM, which reports its bytes with the time each crossed its socket
            realJdk = runner.run(new Cell("jdk-17@jvm", "rhel-6.10", "NO", "256-g1", "TLSv1.2", 0));
        }
    }

    @Test
    void theFailingSideNamesTheRuleThatFired() {
        assertEquals(Outcome.FAIL, supportCase.outcome(), supportCase.summary());
        assertEquals("g_above_1", supportCase.senderTrace().rule());
        assertNull(supportCase.receiverTrace().rule(), "the receiver only read the alert: no rule of its own fired");
        assertNull(ok.senderTrace().rule());
        assertNull(ok.receiverTrace().rule());
    }

    @Test
    void eventsAreTheWireInOrderAndTimed() {
        List<WireEvent> s = supportCase.senderTrace().events();
        assertEquals(new WireEvent(0.0, true, "ClientHello"), s.get(0));
        WireEvent last = s.get(s.size() - 1);
        assertEquals("Alert fatal decode_error (50)", last.what(), s.toString());
        assertTrue(last.sent());
        WireEvent before = s.get(s.size() - 2);
        assertEquals("ServerKeyExchange", before.what(), "the sender stopped right after the group came: " + s);
        assertTrue(!before.sent());
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.get(i).ms() >= s.get(i - 1).ms(), "times only grow: " + s);
        }
        assertTrue(supportCase.receiverTrace().events().stream()
                .anyMatch(e -> !e.sent() && e.what().equals("Alert fatal decode_error (50)")),
                "the receiver read the alert the sender wrote: " + supportCase.receiverTrace().events());
        assertTrue(ok.senderTrace().events().stream().anyMatch(e -> e.sent() && e.what().equals("ApplicationData")),
                "an ok cell's sender sent its ping: " + ok.senderTrace().events());
    }

    @Test
    void aRealStackInAChildJvmHasTimedEventsAndItsLinesReadAsItsProfilesRule() {
        io.handshakematrix.TestEnvironment.require(realJdk.outcome() != Outcome.SKIPPED, realJdk::detail);
        assertEquals(Outcome.FAIL, realJdk.outcome(), realJdk.summary());
        // a real JDK names no rule: its exception's words are the ones jdk-17's profile lists for its Ys check
        assertEquals("ys_in_range", realJdk.senderTrace().rule(), realJdk.senderErrors().toString());
        List<WireEvent> s = realJdk.senderTrace().events();
        assertEquals(new WireEvent(0.0, true, "ClientHello"), s.get(0), s.toString());
        assertTrue(s.stream().anyMatch(e -> !e.sent() && e.what().equals("ServerKeyExchange")), s.toString());
        assertTrue(s.stream().anyMatch(e -> e.sent() && e.what().equals("Alert fatal handshake_failure (40)")), s.toString());
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.get(i).ms() >= s.get(i - 1).ms(), "times only grow: " + s);
        }
    }

    @Test
    void resultsJsonAndTheJournalKeepBoth(@TempDir Path dir) throws Exception {
        CellResult cell = new CellResult(new Cell("rhel-7.7", "rhel-6.10", "NO", "256-g1", "TLSv1.2", 0), "emulated",
                supportCase, "fail (sender)", null, List.of());
        CellResult back = ResultsJson.fromJson(new ObjectMapper().valueToTree(ResultsJson.cell(cell)));
        assertEquals(supportCase.senderTrace(), back.result().senderTrace());
        assertEquals(supportCase.receiverTrace(), back.result().receiverTrace());
        try (ResultJournal j = ResultJournal.create(dir.resolve(ResultJournal.FILE_NAME))) {
            j.append(cell);
            assertEquals(supportCase.senderTrace(), j.read(cell.cell().key()).result().senderTrace());
        }
    }

    @Test
    void theSlimCopyKeepsTheRulesNotTheEvents() {
        HandshakeResult slim = supportCase.withoutTranscript();
        assertEquals(new SideTrace("g_above_1", List.of()), slim.senderTrace());
        assertTrue(slim.receiverTrace().events().isEmpty());
    }
}
