package io.handshakematrix.report;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.model.CellResult;
import java.util.List;
import java.util.Map;

/** reports/kb.md (the article to paste) and kb-detail.md (every cell) in GitHub Markdown. */
public final class KbMarkdown {
    private KbMarkdown() {}

    /**
     * {@code run}: the run object of results.json (date, matrix, JDK), for the article's header; {@code product}:
     * the receiving product's settings, which the caller reads (reports read results, never configuration).
     */
    public static String render(List<CellResult> results, Map<String, Object> run, ProductProfile product) {
        return KbRender.markdown(KbArticle.build(new KbFacts(results, run, product)));
    }

    public static String renderDetail(List<CellResult> results, Map<String, Object> run, ProductProfile product) {
        return KbRender.markdown(KbDetail.build(new KbFacts(results, run, product)));
    }
}
