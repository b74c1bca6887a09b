package io.handshakematrix.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.handshakematrix.SharedMatrixRun;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.diagnose.PeerChecks;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.Engines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The results the jar ships for explain are the results this build gets: every line of
 * src/main/resources/shipped/matrix-results.jsonl is compared with the test suite's own run of matrix.yaml (the one
 * run SharedMatrixRun makes, no second one) and with the current-peer handshakes run again now. A stale file fails
 * with the cell that differs and the one command that regenerates it.
 */
class ShippedResultsTest {
    private static final Path MATRIX = Path.of("matrix.yaml");

    @Test
    void theShippedResultsAreThisBuildsRunOfTheDefaultMatrix() throws Exception {
        ShippedResults shipped = ShippedResults.inJar();
        assertFalse(shipped.cells().isEmpty(), ShippedResults.SOURCE_FILE + " is missing from the jar; write it with: "
                + ShippedResults.COMMAND);
        SharedMatrixRun run = SharedMatrixRun.of(MATRIX);
        List<CellResult> peers;
        try (EngineRegistry engines = Engines.standard()) {
            CellRunner runner = new CellRunner(engines, run.profiles(), DhGroupCatalog.builtin(), run.matrix().product(),
                    MATRIX.toAbsolutePath().getParent(), Duration.ofSeconds(20));
            peers = PeerChecks.of(run.results(), ProductProfiles.builtin(), runner, 2);
        }
        List<String> now = ShippedResults.lines(new LinkedHashMap<>(shipped.header()), run.results(), peers);
        List<String> inJar = ShippedResults.rawLines();
        Map<String, String> was = byCell(inJar);
        Map<String, String> is = byCell(now);
        List<String> differ = new ArrayList<>();
        is.forEach((k, line) -> {
            if (!line.equals(was.get(k))) {
                differ.add(k + ": shipped " + was.getOrDefault(k, "(no such cell)") + ", this build " + line);
            }
        });
        was.keySet().stream().filter(k -> !is.containsKey(k)).forEach(k -> differ.add(k + ": shipped, no longer run"));
        if (!differ.isEmpty()) {
            fail(ShippedResults.SOURCE_FILE + " is stale: " + differ.size() + " of " + is.size() + " lines differ from this "
                    + "build's run (first: " + differ.get(0) + "); regenerate it with '" + ShippedResults.COMMAND
                    + "' and commit it");
        }
        assertEquals(run.results().size(), shipped.cells().size());
        assertEquals(run.results().size(), ((Number) shipped.header().get("cells")).intValue(), "the header's count");
    }

    /** A line's cell: its axes and whether it is a peer check, every field before the engine. */
    private static Map<String, String> byCell(List<String> lines) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            int cut = l.indexOf(",\"engine\":");
            out.put((l.contains("\"peerCheck\":true") ? "peer " : "") + (cut > 0 ? l.substring(0, cut) : l), l);
        }
        return out;
    }
}
