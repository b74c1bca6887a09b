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
    static final String LINE = "error:1408D177:SSL routines:ssl3_get_key_exchange:`x` <img src=x onerror=alert(1)> | ``y``:s3_clnt.c:1774:";
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
        assertTrue(d.select("code").stream().anyMatch(c -> c.wholeText().equals(LINE)
                        || c.wholeText().equals("sender: " + LINE)),
                () -> what + ": the exact error line is not one code span:\n" + d.select("code"));
        String text = d.text();
        for (String dh : DH_NAMES) {
            assertTrue(text.contains(dh), () -> what + " lost the DH name " + dh + ":\n" + text);
        }
    }

    @Test
    void kbMarkdownKeepsDataAsText() {
        checkPage(markdown(KbMarkdown.render(hostile(), Map.of(), io.handshakematrix.config.ProductProfiles.builtin())), "kb.md");
    }

    @Test
    void kbDetailMarkdownKeepsDataAsText() {
        checkPage(markdown(KbMarkdown.renderDetail(hostile(), Map.of(), io.handshakematrix.config.ProductProfiles.builtin())), "kb-detail.md");
    }

    @Test
    void kbHtmlKeepsDataAsText() {
        checkPage(Jsoup.parse(KbHtml.render(hostile(), Map.of(), io.handshakematrix.config.ProductProfiles.builtin())), "kb.html");
        checkPage(Jsoup.parse(KbHtml.renderDetail(hostile(), Map.of(), io.handshakematrix.config.ProductProfiles.builtin())), "kb-detail.html");
    }

    static final List<String> HOSTILE = List.of("<img src=x onerror=alert(1)>", "a|b", "`x`", "``y`` z `", " ` ",
            "[link](http://x)", "*em* _em_ **b**", "# heading", "- item", "1. item", "> quote", "a\\|b\\", "&amp; &lt;",
            "~~s~~", "RECEIVE_SIDE = NO", "![i](x)", "<!-- c -->", "x\ny", "\u001b[31mred", "=", "+ x", "2) y");

    @Test
    void oneEscapingFunctionPerContextRendersEveryValueAsItself() {
        for (String v : HOSTILE) {
            String expected = v.replace('\n', ' ').replace('\u001b', ' ');
            Document para = markdown("Text: " + Markdown.text(v) + "\n");
            assertTrue(para.select("img, a, em, strong, del, h1, li, blockquote, code").isEmpty(), () -> v + ": " + para.body());
            // a paragraph's trailing spaces are layout in Markdown, not text
            assertEquals(("Text: " + expected).strip(), para.select("p").first().wholeText().strip(), v);
            Document start = markdown(Markdown.text(v) + "\n");
            assertEquals(expected.strip(), start.body().text().strip(), () -> v + " at the start: " + start.body());
            Document code = markdown("Code: " + Markdown.code(v) + "\n");
            assertEquals(1, code.select("code").size(), () -> v + ": " + code.body());
            assertEquals(expected, code.select("code").first().wholeText(), v);
            Document table = markdown("| a | b |\n|---|---|\n| " + Markdown.cell(v) + " | " + Markdown.codeInTable(v) + " |\n");
            assertEquals(2, table.select("tbody td").size(), () -> v + ": " + table.body());
            assertEquals(expected.strip(), table.select("tbody td").get(0).wholeText().strip(), v);
            assertEquals(expected, table.select("tbody td code").first().wholeText(), v);
        }
    }

    @Test
    void htmlEscapingKeepsEveryValueText() {
        for (String v : HOSTILE) {
            Document d = Jsoup.parse("<p title=\"" + KbRender.esc(v) + "\">" + KbRender.esc(v) + "</p>");
            assertEquals(1, d.body().children().size(), v);
            assertEquals(v, d.select("p").first().wholeText(), v);
            assertEquals(v, d.select("p").first().attr("title"), v);
        }
    }

    @Test
    void allureDescriptionsRenderTheirDataAsTextAndAttachmentsKeepTheExactLine(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        List<CellResult> cells = hostile();
        AllureResults.write(dir, RunInfo.of("matrix.yaml", java.time.Instant.now(), cells, Map.of()), cells, cells,
                io.handshakematrix.config.ProductProfiles.builtin(), 1);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        int failed = 0;
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : files.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                var n = json.readTree(p.toFile());
                Document d = markdown(n.get("description").asText()); // Allure renders a description as Markdown
                assertTrue(d.select("img, a, code, em").isEmpty(), () -> p + ": " + d.body());
                if (n.get("status").asText().equals("failed")) {
                    failed++;
                    assertTrue(d.text().contains("<img src=x onerror=alert(1)>"), d::text);
                    String lines = null;
                    for (var a : n.get("attachments")) {
                        if (a.get("name").asText().startsWith("error lines")) {
                            lines = java.nio.file.Files.readString(dir.resolve(a.get("source").asText()));
                        }
                    }
                    assertTrue(lines != null && lines.contains(LINE), String.valueOf(lines));
                }
            }
        }
        assertEquals(DH_NAMES.size(), failed);
    }
}
