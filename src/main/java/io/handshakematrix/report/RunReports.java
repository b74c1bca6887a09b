package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every file a run leaves in its output directory, written from one place: {@code run}, {@code merge} and
 * the build all end here (results.json, results.csv, kb.md, kb.html, kb-detail.md, kb-detail.html). Cells come as an Iterable that may
 * be walked more than once, each walk reading them anew (from the journal): results.json streams the full
 * cells with transcripts; the tables need only the verdicts, so they get the cells without transcripts.
 */
public final class RunReports {
    private RunReports() {}

    /** Writes every report; returns the results.json path. */
    public static Path writeAll(Path outDir, Map<String, Object> run, Iterable<CellResult> cells) throws IOException {
        Path json = outDir.resolve("results.json");
        ResultsJson.writeStreaming(json, run, cells);
        List<CellResult> brief = new ArrayList<>();
        for (CellResult c : cells) {
            brief.add(withoutTranscript(c));
        }
        ResultsCsv.write(outDir.resolve("results.csv"), brief);
        ReportFiles.writeText(outDir.resolve("kb.md"), KbMarkdown.render(brief, run));
        ReportFiles.writeText(outDir.resolve("kb.html"), KbHtml.render(brief, run));
        ReportFiles.writeText(outDir.resolve("kb-detail.md"), KbMarkdown.renderDetail(brief, run));
        ReportFiles.writeText(outDir.resolve("kb-detail.html"), KbHtml.renderDetail(brief, run));
        return json;
    }

    private static CellResult withoutTranscript(CellResult c) {
        HandshakeResult r = c.result();
        HandshakeResult slim = new HandshakeResult(r.outcome(), r.protocol(), r.cipher(), r.dhBits(), r.failedSide(),
                r.stoppedAfter(), r.alert(), r.senderErrors(), r.receiverErrors(), List.of(), r.detail(), r.durationMs());
        return new CellResult(c.cell(), c.engine(), slim, c.expected(), c.expectationLine(), c.differences());
    }
}
