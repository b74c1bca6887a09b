package io.handshakematrix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.model.CellResult;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The articles to paste carry values from data: error lines a profile or a real stack printed, DH file names,
 * stack ids. A backtick in an error line closed its code span, {@code <img src=x onerror=...>} stood raw in kb.md
 * and kb-detail.md, and a {@code |} in a DH file name split a Markdown table. Each page is rendered the way its
 * reader sees it (Markdown by CommonMark with GitHub's tables, HTML by jsoup): no element comes from data, every
 * table row keeps its columns, and every error line is there exactly, as code.
 */
class HostileReportTextTest {
    static final String LINE = "error:1408D177:SSL routines:`x` <img src=x onerror=alert(1)> | ``y``:s3_clnt.c:1774:";
    static final List<String> DH_NAMES = List.of("odd|name.pem", "tick`s`.pem", "<img src=x onerror=alert(2)>.pem",
            "a\\|b*_[c](d).pem");

    static List<CellResult> hostile() {
        List<CellResult> r = new java.util.ArrayList<>();
        for (String dh : DH_NAMES) {
            r.add(KbReportsTest.senderFail(KbReportsTest.cell("NO", dh), LINE, 50));
            r.add(KbReportsTest.ok(KbReportsTest.cell("YES", dh), "AES256-SHA", null));
        }
        return r;
    }

    private static Document markdown(String md) {
        var ext = List.of(TablesExtension.create());
        String html = HtmlRenderer.builder().extensions(ext).build()
                .render(Parser.builder().extensions(ext).build().parse(md));
        return Jsoup.parse(html);
    }

    private static void checkPage(Document d, String what) {
        assertTrue(d.select("img, script, iframe, b").isEmpty(), () -> what + " has an element from data:\n" + d.body());
        for (Element t : d.select("table")) {
            int columns = t.select("thead tr").first().select("th").size();
            for (Element row : t.select("tbody tr")) {
                assertEquals(columns, row.select("td, th").size(), () -> what + ": a row lost its columns: " + row);
            }
        }
        assertTrue(d.select("code").stream().anyMatch(c -> c.text().equals(LINE)),
                () -> what + ": the exact error line is not one code span:\n" + d.select("code"));
        String text = d.text();
        for (String dh : DH_NAMES) {
            assertTrue(text.contains(dh), () -> what + " lost the DH name " + dh + ":\n" + text);
        }
    }

    @Test
    void kbMarkdownKeepsDataAsText() {
        checkPage(markdown(KbMarkdown.render(hostile(), Map.of())), "kb.md");
    }

    @Test
    void kbDetailMarkdownKeepsDataAsText() {
        checkPage(markdown(KbMarkdown.renderDetail(hostile(), Map.of())), "kb-detail.md");
    }

    @Test
    void kbHtmlKeepsDataAsText() {
        checkPage(Jsoup.parse(KbHtml.render(hostile(), Map.of())), "kb.html");
        checkPage(Jsoup.parse(KbHtml.renderDetail(hostile(), Map.of())), "kb-detail.html");
    }
}
