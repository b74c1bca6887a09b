package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import java.util.List;
import java.util.Map;

/** reports/kb.md (the article to paste) and kb-detail.md (every cell) in GitHub Markdown. */
public final class KbMarkdown {
    private KbMarkdown() {}

    public static String render(List<CellResult> results) {
        return render(results, Map.of());
    }

    /** {@code run}: the run object of results.json (date, matrix, JDK), for the article's header. */
    public static String render(List<CellResult> results, Map<String, Object> run) {
        return KbRender.markdown(KbArticle.build(new KbFacts(results, run)));
    }

    public static String renderDetail(List<CellResult> results, Map<String, Object> run) {
        return KbRender.markdown(KbDetail.build(new KbFacts(results, run)));
    }
}
