package io.handshakematrix.report;

import io.handshakematrix.results.ResultsJson;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.model.CellResult;
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
 * The Allure compatibility report (OUT/allure-results, OUT/allure/index.html) is written from the same cells.
 */
public final class RunReports {
    private RunReports() {}

    /**
     * Writes every report, the Allure report included (unless the system property handshake.allure.render is
     * false: the unit tests' runs of small matrices skip the renderer); returns the results.json path.
     * {@code product}: the receiving product's settings (the KB's RSA and DHE columns, the fixes it may propose).
     */
    public static Path writeAll(Path outDir, Map<String, Object> run, Iterable<CellResult> cells, ProductProfile product)
            throws IOException {
        return writeAll(outDir, run, cells, product, renderAllureByDefault());
    }

    public static boolean renderAllureByDefault() {
        return !"false".equals(System.getProperty("handshake.allure.render"));
    }

    /**
     * {@code generateAllure} false writes OUT/allure-results but does not render them (bench: the renderer is
     * a separate program whose time is not the harness's).
     */
    public static Path writeAll(Path outDir, Map<String, Object> run, Iterable<CellResult> cells,
                                ProductProfile product, boolean generateAllure) throws IOException {
        Path json = outDir.resolve("results.json");
        ResultsJson.writeStreaming(json, run, cells);
        List<CellResult> brief = new ArrayList<>();
        for (CellResult c : cells) {
            brief.add(withoutTranscript(c));
        }
        ResultsCsv.write(outDir.resolve("results.csv"), brief);
        ReportFiles.writeText(outDir.resolve("kb.md"), KbMarkdown.render(brief, run, product));
        ReportFiles.writeText(outDir.resolve("kb.html"), KbHtml.render(brief, run, product));
        ReportFiles.writeText(outDir.resolve("kb-detail.md"), KbMarkdown.renderDetail(brief, run, product));
        ReportFiles.writeText(outDir.resolve("kb-detail.html"), KbHtml.renderDetail(brief, run, product));
        KbFolder.write(outDir.resolve("kb"), brief, run, product);
        writeAllure(outDir, run, cells, brief, product, generateAllure);
        return json;
    }

    private static void writeAllure(Path outDir, Map<String, Object> run, Iterable<CellResult> cells,
                                    List<CellResult> brief, ProductProfile product, boolean generate)
            throws IOException {
        Path results = outDir.resolve("allure-results");
        Path report = outDir.resolve("allure");
        AllureResults.write(results, run, cells, brief, product, AllureReport.nextBuildOrder(report));
        if (!generate) {
            return;
        }
        try {
            AllureReport.generate(results, report, outDir.resolve("allure-generate.log")).ifPresent(why ->
                    System.err.println("  " + report.resolve("index.html") + " not written: " + why
                            + "; the results are in " + results));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CellResult withoutTranscript(CellResult c) {
        return new CellResult(c.cell(), c.engine(), c.result().withoutTranscript(), c.expected(), c.expectationLine(),
                c.differences());
    }
}
