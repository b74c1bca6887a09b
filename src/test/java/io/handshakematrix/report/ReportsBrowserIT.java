package io.handshakematrix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build's reports as a person sees them: reports/kb.html, kb-detail.html and the Allure report (reports/allure/index.html)
 * rendered by headless Chromium, checked cell by cell against reports/results.json written earlier in the same
 * `mvn verify` (failsafe runs this after the Allure report is generated). Screenshots go to reports/.
 */
class ReportsBrowserIT {
    private static final Path REPORTS = Path.of("reports");
    private static List<CellResult> results;
    private static HeadlessChromium chromium;

    @BeforeAll
    static void load() {
        chromium = HeadlessChromium.requireInstalled();
        results = ResultsJson.read(REPORTS.resolve("results.json"));
        assertFalse(results.isEmpty(), "reports/results.json has no cells");
    }

    /** The file: URL of a report page, after checking that it fetches nothing from outside. */
    private static String selfContainedPage(String name) throws Exception {
        Path page = REPORTS.resolve(name);
        String raw = Files.readString(page);
        assertFalse(raw.contains("src=") || raw.contains("href=\"http") || raw.contains("url("),
                name + " must be self-contained (no external fetch)");
        return page.toAbsolutePath().toUri().toString();
    }

    /** kb-detail.html has every cell (data-keys lists the cells a table cell stands for) with its verdict as text. */
    @Test
    void kbDetailPageShowsEveryCellWithItsVerdict() throws Exception {
        String url = selfContainedPage("kb-detail.html");
        Document dom = Jsoup.parse(chromium.dumpDom(url, 2000));
        Map<String, Element> byKey = new HashMap<>();
        for (Element td : dom.select("td[data-keys]")) {
            for (String key : td.attr("data-keys").split(" ")) {
                assertNull(byKey.put(key, td), "one rendered table cell per result: " + key);
            }
        }
        assertEquals(results.size(), byKey.size(), "one rendered table cell per result");
        for (CellResult r : results) {
            Element td = byKey.get(r.cell().key());
            assertNotNull(td, "kb-detail.html shows no cell for " + r.cell().displayName());
            String verdict = r.result().outcome().name();
            assertEquals(verdict, td.attr("data-verdict"), r.cell().displayName());
            assertTrue(td.text().contains(verdict), "verdict as text, not colour only: " + td.text());
            if (r.result().outcome() == Outcome.OK) {
                assertTrue(td.text().contains(r.result().cipher()), td.text());
            }
        }
        boolean anyFailure = results.stream().anyMatch(r -> r.result().outcome() == Outcome.FAIL);
        assertEquals(anyFailure, !dom.select("#resolution tbody tr").isEmpty(), "Resolution rows iff some cell failed");
        chromium.screenshot(url, REPORTS.resolve("kb-detail.png"), 2000);
    }

    /**
     * kb.html, the article to paste: summary first, no literal Markdown; kb.md under 15 KB (issue 15's target for the
     * default matrix), naming only [DH] keys the product declares, none under 1024 bits.
     */
    @Test
    void kbArticleIsPasteableAndNamesOnlyRealKeys() throws Exception {
        String url = selfContainedPage("kb.html");
        String raw = Files.readString(REPORTS.resolve("kb.html"));
        Document dom = Jsoup.parse(chromium.dumpDom(url, 2000));
        assertFalse(dom.body().text().contains("`"), "no literal Markdown on the page");
        assertFalse(dom.select("#summary-table tbody tr").isEmpty(), "the summary table");
        List<String> headings = dom.select("h2").eachAttr("id");
        headings.remove("differs"); // a drifted run lists its differing cells before everything else
        assertEquals("summary", headings.get(0), "the summary comes first: " + headings);
        String md = Files.readString(REPORTS.resolve("kb.md"));
        assertTrue(md.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 15 * 1024,
                "kb.md is " + md.length() + " characters; the article must stay under 15 KB");
        var declared = io.handshakematrix.config.ProductProfiles.builtin().dhKeys();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("DH_\\d+_RECEIVE_SIDE").matcher(md + raw);
        while (m.find()) {
            assertTrue(declared.containsKey(m.group()) && declared.get(m.group()) >= 1024, m.group());
        }
        chromium.screenshot(url, REPORTS.resolve("kb.png"), 2000);
    }

    @Test
    void allureReportListsEveryCellWithItsStatus() throws Exception {
        String index = REPORTS.resolve("allure/index.html").toAbsolutePath().toUri().toString();
        Document suites = Jsoup.parse(chromium.dumpDom(index + "#suites", 20000));
        Map<String, Element> leaves = new HashMap<>();
        for (Element leaf : suites.select("a.node__leaf")) {
            leaves.put(leaf.select(".node__name").text(), leaf);
        }
        for (CellResult r : results) {
            Element leaf = leaves.get(r.cell().displayName());
            assertNotNull(leaf, "the Allure report lists no test " + r.cell().displayName());
            Element status = leaf.selectFirst(".node__anchor [data-tooltip]");
            assertNotNull(status, r.cell().displayName());
            assertEquals(expectedStatus(r), status.attr("data-tooltip"), r.cell().displayName());
        }
        // One cell opened: the support case's when the matrix has it, else the first failing cell.
        CellResult shown = results.stream()
                .filter(r -> r.cell().displayName().equals("rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256-g1 | TLSv1.2"))
                .findFirst()
                .orElse(results.stream().filter(r -> r.result().outcome() == Outcome.FAIL).findFirst().orElse(results.get(0)));
        String page = index + leaves.get(shown.cell().displayName()).attr("href");
        Document test = Jsoup.parse(chromium.dumpDom(page, 20000));
        String text = test.text();
        assertTrue(text.contains("handshake transcript"), "transcript attachment listed");
        assertTrue(text.contains("receiver error lines"), "error lines attached");
        assertTrue(text.contains(shown.cell().receiveSide()) && text.contains(shown.cell().dhGroup()), "axis parameters shown");
        if (!shown.result().senderErrors().isEmpty()) {
            assertTrue(text.contains(shown.result().reason()), "status message names the reason: " + shown.result().reason());
        }
        chromium.screenshot(page, REPORTS.resolve("allure.png"), 20000);
    }

    private static String expectedStatus(CellResult r) {
        if (r.result().outcome() == Outcome.SKIPPED) {
            return "Skipped";
        }
        if (r.matches()) {
            return "Passed";
        }
        return r.result().outcome() == Outcome.ERROR ? "Broken" : "Failed";
    }
}
