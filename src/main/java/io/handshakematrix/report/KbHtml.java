package io.handshakematrix.report;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.model.CellResult;
import java.util.List;
import java.util.Map;

/**
 * reports/kb.html and kb-detail.html: the same articles as kb.md and kb-detail.md as self-contained pages. Cells
 * of the detail page carry data-keys/data-verdict for the browser test.
 */
public final class KbHtml {
    private KbHtml() {}

    public static String render(List<CellResult> results, Map<String, Object> run, ProductProfile product) {
        return KbRender.html(KbArticle.TITLE, KbArticle.build(new KbFacts(results, run, product)));
    }

    public static String renderDetail(List<CellResult> results, Map<String, Object> run, ProductProfile product) {
        return KbRender.html(KbDetail.TITLE, KbDetail.build(new KbFacts(results, run, product)));
    }
}
