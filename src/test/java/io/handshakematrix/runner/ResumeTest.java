package io.handshakematrix.runner;

import io.handshakematrix.results.ResultJournal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed midway leaves a journal whose last line may be cut; --resume keeps the finished cells
 * (not one more handshake for them) and runs exactly the others.
 */
class ResumeTest {
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();
    private static final DhGroupCatalog GROUPS = DhGroupCatalog.builtin();
    private static final Matrix MATRIX = new MatrixLoader(PROFILES, GROUPS,
            io.handshakematrix.runner.Engines.standard().names()).load(Path.of("matrix.yaml"));
    private static final List<Cell> CELLS = MATRIX.cells().stream()
            .filter(c -> c.sender().equals("rhel-7.7") && c.receiver().equals("rhel-6.10")).toList(); // 48 cells: 44 of the product setup, 4 of matrix-wire.yaml

    @TempDir
    Path dir;

    /** The emulated engine, counting the receivers it starts: one per handshake actually run. */
    private static final class Counting implements Engine {
        final EmulatedEngine inner = new EmulatedEngine();
        final AtomicInteger served = new AtomicInteger();

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public RunningReceiver serve(ReceiverSpec spec) throws IOException {
            served.incrementAndGet();
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

    private static JournaledRun runAll(ResultJournal journal, Counting engine) throws InterruptedException {
        EngineRegistry engines = new EngineRegistry().register("emulated", () -> engine);
        CellRunner cells = new CellRunner(engines, PROFILES, GROUPS, MATRIX.product(), Path.of("."), Duration.ofSeconds(10));
        return new JournaledRun(new MatrixRunner(cells, 2), MATRIX, CELLS, journal).run(ProgressListener.NONE, null);
    }

    @Test
    void resumeRunsOnlyTheCellsMissingFromAKilledRunsJournal() throws Exception {
        Path first = dir.resolve("first.jsonl");
        Counting engine = new Counting();
        List<CellResult> complete;
        try (ResultJournal j = ResultJournal.create(first)) {
            complete = runAll(j, engine).brief();
        }
        assertEquals(48, engine.served.get());
        assertEquals(48, Files.readAllLines(first).size());

        // What a kill leaves: 20 whole lines and half of the 21st.
        List<String> lines = Files.readAllLines(first, StandardCharsets.UTF_8);
        String partial = String.join("\n", lines.subList(0, 20)) + "\n" + lines.get(20).substring(0, lines.get(20).length() / 2);
        Path killed = dir.resolve("killed.jsonl");
        Files.writeString(killed, partial);

        Counting again = new Counting();
        JournaledRun resumed;
        try (ResultJournal j = ResultJournal.resume(killed)) {
            assertEquals(20, j.size());
            assertTrue(j.droppedBytes() > 0);
            resumed = runAll(j, again);
            assertEquals(48, j.size());
            List<CellResult> full = new ArrayList<>();
            resumed.full().forEach(full::add);
            assertEquals(48, full.size());
            assertTrue(full.stream().allMatch(r -> !r.result().transcript().isEmpty()), "transcripts read back");
        }
        assertEquals(28, again.served.get(), "handshakes run on resume");
        assertEquals(20, resumed.resumed());
        assertEquals(48, Files.readAllLines(killed).size());
        for (int i = 0; i < CELLS.size(); i++) {
            CellResult a = complete.get(i);
            CellResult b = resumed.brief().get(i);
            assertEquals(a.cell(), b.cell());
            assertEquals(a.result().summary(), b.result().summary(), a.cell().displayName());
            assertEquals(a.differences(), b.differences());
        }
    }

    @Test
    void aCompleteLineThatIsNoCellIsBadInputNamingTheLine() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"outcome\": \"ok\"}\nnot json\n");
        InputError e = assertThrows(InputError.class, () -> ResultJournal.resume(bad));
        assertTrue(e.oneLine().startsWith(bad + ":1: no line is a cell result"), e.oneLine());
    }

    @Test
    void cellsAfterTheRunTimeoutAreNotStartedNorJournaled() throws Exception {
        Counting engine = new Counting();
        try (ResultJournal j = ResultJournal.create(dir.resolve("t.jsonl"))) {
            EngineRegistry engines = new EngineRegistry().register("emulated", () -> engine);
            CellRunner cells = new CellRunner(engines, PROFILES, GROUPS, MATRIX.product(), Path.of("."),
                    Duration.ofSeconds(10));
            JournaledRun run = new JournaledRun(new MatrixRunner(cells, 2), MATRIX, CELLS, j)
                    .run(ProgressListener.NONE, Duration.ZERO);
            assertEquals(48, run.notStarted().size());
            assertEquals(0, j.size());
            assertEquals(0, engine.served.get());
            // a run cut short is its own state, never a timeout a reader would have to tell apart by its words
            assertTrue(run.brief().stream().allMatch(r -> r.result().outcome() == Outcome.NOT_RUN
                    && r.result().detail().startsWith("the run timeout")));
        }
    }
}
