package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Every file a run leaves in its output directory, written from one place: {@code run} and {@code merge}
 * both end here, so a report added later (KB tables, Allure results) hooks in once and serves both.
 * Cells come as an Iterable that may be walked more than once, each walk reading them anew (from the
 * journal), so no report needs the whole run in memory.
 */
public final class RunReports {
    private RunReports() {}

    /** Writes OUT/results.json (and, once they exist, the other reports); returns the results.json path. */
    public static Path writeAll(Path outDir, Map<String, Object> run, Iterable<CellResult> cells) throws IOException {
        Path json = outDir.resolve("results.json");
        ResultsJson.writeStreaming(json, run, cells);
        // Hook for issue 3: KB tables (Markdown/HTML) and Allure results from the same cells.
        return json;
    }
}
