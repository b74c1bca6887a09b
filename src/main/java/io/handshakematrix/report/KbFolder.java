package io.handshakematrix.report;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.model.CellResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OUT/kb/: one support article per distinct failure between OS releases (Markdown and HTML, each pasted into a
 * knowledge base as it is), the OS compatibility tables, and an index. Rewritten whole by every run, so an
 * article of a failure the run no longer shows does not linger.
 */
final class KbFolder {
    private KbFolder() {}

    static void write(Path dir, List<CellResult> results, Map<String, Object> run, ProductProfile product)
            throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".html")).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        KbFacts f = new KbFacts(results, run, product);
        List<String> index = new ArrayList<>();
        for (KbSupportArticles.Article a : KbSupportArticles.build(f)) {
            ReportFiles.writeText(dir.resolve(a.stem() + ".md"), KbRender.markdown(a.blocks()));
            ReportFiles.writeText(dir.resolve(a.stem() + ".html"), KbRender.html(a.title(), a.blocks()));
            index.add(a.title() + ": " + KbText.span(a.stem() + ".md"));
        }
        List<KbBlock> compat = KbCompatibility.build(f);
        ReportFiles.writeText(dir.resolve("compatibility.md"), KbRender.markdown(compat));
        ReportFiles.writeText(dir.resolve("compatibility.html"), KbRender.html(KbCompatibility.TITLE, compat));
        List<KbBlock> idx = List.of(new KbBlock.Heading(1, "Support articles of this run", null),
                new KbBlock.Para("One article per distinct failure between OS releases, and the OS compatibility "
                        + "tables: " + KbText.span("compatibility.md") + "."),
                new KbBlock.Items(index.isEmpty() ? List.of("No failure between OS releases in this run.") : index));
        ReportFiles.writeText(dir.resolve("index.md"), KbRender.markdown(idx));
    }
}
