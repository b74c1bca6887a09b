package io.handshakematrix.report;

import io.handshakematrix.results.ResultsJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The build's reports as a person sees them: reports/kb.html, kb-detail.html and the Allure report (reports/allure/index.html)
 * rendered by headless Chromium, checked cell by cell against reports/results.json written earlier in the same
 * `mvn verify` (DefaultMatrixTest writes both, as 'run' does; failsafe runs this afterwards). The Allure
 * report is the compatibility report: one test per cell, its status the handshake itself. Screenshots go to
 * reports/ (kb.png, allure-*.png).
 */
class ReportsBrowserIT {
    private static final Path REPORTS = Path.of("reports");
    private static List<CellResult> results;
    private static HeadlessChromium chromium;
    private static String index;
    /** The support case: RHEL 7.7 sending to a RHEL 6.10 receiver with the product's 256-bit g=1 table. */
    private static final String SUPPORT_CASE = "rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256-g1 | TLSv1.2";

    @BeforeAll
    static void load() {
        chromium = HeadlessChromium.requireInstalled();
        results = ResultsJson.read(REPORTS.resolve("results.json"));
        assertFalse(results.isEmpty(), "reports/results.json has no cells");
        index = REPORTS.resolve("allure/index.html").toAbsolutePath().toUri().toString();
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
     * kb.html, the article to paste: summary first, no literal Markdown; kb.md under 15 KB (the support target for the
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

    /**
     * The support case's article (kb/, one per failure) as a reader sees it: the sections support teams publish in
     * their order, the product's log lines and the configssl.cnf block to paste; and the OS compatibility table.
     */
    @Test
    void supportCaseArticleHasItsSectionsAndTheOsTable() throws Exception {
        String url = selfContainedPage("kb/sender-bad-dh-g-value-alert-50.html");
        Document dom = Jsoup.parse(chromium.dumpDom(url, 2000));
        assertEquals(List.of("issue", "environment", "cause", "resolution", "additional-information"),
                dom.select("h2").eachAttr("id"));
        assertTrue(dom.selectFirst("h1").text().startsWith("TLS handshake fails: the sender logs \"bad dh g value\""));
        assertTrue(dom.select("pre").first().text().contains("XCOMU0780E"), dom.select("pre").first().text());
        assertTrue(dom.select("pre").eachText().stream()
                .anyMatch(t -> t.startsWith("[DH]") && t.contains("_RECEIVE_SIDE = dh")), dom.html());
        assertFalse(dom.body().text().contains("@jvm") || dom.body().text().contains("`"), dom.body().text());
        // Issue: both sides' lines as the product logs them; Environment: the case's releases and setting
        String issue = dom.select("pre").first().text();
        assertTrue(issue.contains("sender: XCOMU0780E") && issue.contains("ssl3_get_key_exchange:bad dh g value")
                && issue.contains("SSL alert number 50"), issue);
        String environment = dom.select("h2#environment + ul").text();
        assertTrue(environment.contains("Sender (TLS client): RHEL 7.7") && environment.contains("RHEL 6.10")
                && environment.contains("RECEIVE_SIDE = NO"), environment);
        // Resolution: numbered, the 2048-bit table first, the RSA setting with its cost, each a block to paste
        List<String> blocks = dom.select("h2#resolution ~ pre").eachText();
        assertTrue(blocks.get(0).equals("[DH]\nDH_2048_RECEIVE_SIDE = dh2048.pem")
                || blocks.get(0).equals("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem"), blocks.toString());
        assertTrue(blocks.stream().anyMatch(t -> t.replace('\n', ' ').equals("[RSAKEY] RECEIVE_SIDE = YES")), blocks.toString());
        List<String> items = dom.select("h2#resolution ~ p").eachText();
        assertTrue(items.get(0).startsWith("1. In the receiver's configssl.cnf, set (keeps DHE"), items.toString());
        assertTrue(items.stream().anyMatch(t -> t.contains("cost: no forward secrecy")), items.toString());
        // Additional information: who else, and which of the two fixes survive RHEL 8, 9 and 10
        String more = dom.select("h2#additional-information ~ p").text();
        assertTrue(more.contains("Seen in ") && more.contains("1024-bit [DH] table") && more.contains("RECEIVE_SIDE = YES"),
                more);
        assertFalse(more.matches("(?s).*\\d{2}:\\d{2}:\\d{2}\\.\\d+Z.*") || more.contains("OpenJDK"), more);
        Document compat = Jsoup.parse(chromium.dumpDom(selfContainedPage("kb/compatibility.html"), 2000));
        for (String table : List.of("#compat-yes", "#compat-no")) {
            assertTrue(compat.select(table + " tbody tr td:first-child").eachText().containsAll(List.of("RHEL 6.10",
                    "RHEL 7.7")), compat.html());
        }
        chromium.screenshot(url, REPORTS.resolve("kb-article.png"), 2000);
    }

    /** Every leaf of a tree page by its name (cell display names are unique). */
    private static Map<String, Element> leaves(Document page) {
        Map<String, Element> leaves = new HashMap<>();
        for (Element leaf : page.select("a.node__leaf")) {
            assertNull(leaves.put(leaf.select(".node__name").first().text(), leaf), "one test per cell: " + leaf.text());
        }
        return leaves;
    }

    private static String status(Element leaf) {
        Element s = leaf.selectFirst(".node__anchor [data-tooltip]");
        return s == null ? null : s.attr("data-tooltip");
    }

    /** The name of the outermost group a leaf sits in (a category, an epic, a parent suite). */
    private static String topGroup(Element leaf) {
        Element top = null;
        for (Element p : leaf.parents()) {
            if (p.tagName().equals("div") && p.hasClass("node")) {
                top = p;
            }
        }
        return top == null ? null : top.selectFirst(".node__title .node__name").text();
    }

    private static List<String> topGroups(Document page) {
        List<String> names = new ArrayList<>();
        for (Element n : page.select("div.tree > div.tree__content > div.node > .node__title .node__name")) {
            names.add(n.text());
        }
        return names;
    }

    @Test
    void allureReportHasOneTestPerCellWithTheHandshakeAsStatus() throws Exception {
        Map<String, Element> leaves = leaves(Jsoup.parse(chromium.dumpDom(index + "#suites", 20000)));
        assertEquals(results.size(), leaves.size(), "the matrix cells only: no unit tests, no cell twice");
        for (CellResult r : results) {
            Element leaf = leaves.get(r.cell().displayName());
            assertNotNull(leaf, "the Allure report lists no test " + r.cell().displayName());
            assertEquals(expectedStatus(r), status(leaf), r.cell().displayName());
        }
        CellResult rsa = results.stream().filter(r -> r.cell().receiveSide().equals("YES")
                && r.result().outcome() == Outcome.OK).findFirst().orElseThrow(() -> new AssertionError("no RSA cell passed"));
        assertEquals("Passed", status(leaves.get(rsa.cell().displayName())), "an RSA key exchange cell that handshakes");
    }

    @Test
    void supportCaseCellIsFailedWithItsCategoryAndMessage() throws Exception {
        CellResult shown = results.stream().filter(r -> r.cell().displayName().equals(SUPPORT_CASE)).findFirst()
                .orElseGet(() -> results.stream().filter(r -> r.result().outcome() == Outcome.FAIL).findFirst()
                        .orElseThrow(() -> new AssertionError("no cell failed: nothing to show")));
        Document categories = Jsoup.parse(chromium.dumpDom(index + "#categories", 20000));
        Element leaf = leaves(categories).get(shown.cell().displayName());
        assertNotNull(leaf, "the support-case cell is in no category");
        assertEquals("Failed", status(leaf), "a stack refused: failed, whatever matrix.yaml expects");
        String category = shown.matches() ? AllureCauses.of("failed", shown).name() : AllureFiles.DRIFT_MARK
                + AllureCellText.driftLine(shown);
        assertEquals(category, topGroup(leaf));
        if (shown.cell().displayName().equals(SUPPORT_CASE) && shown.matches()) {
            assertEquals("Bad DH generator", category);
        }
        List<String> groups = topGroups(categories);
        if (results.stream().anyMatch(r -> !r.matches())) {
            assertTrue(groups.get(0).startsWith(AllureFiles.DRIFT_MARK + "Differs from matrix.yaml: expected "),
                    "a drift comes first: " + groups);
        }
        String page = index + leaf.attr("href");
        Document test = Jsoup.parse(chromium.dumpDom(page, 20000));
        String text = test.text();
        String side = shown.result().failedSide().label();
        assertTrue(text.contains("the " + side + " " + AllureCauses.failingStack(shown) + " refused"), "side named: " + text);
        assertTrue(text.contains(shown.result().reason()), "check named: " + shown.result().reason());
        if (shown.result().alert() != null) {
            assertTrue(text.contains(shown.result().alert().toString()), "alert named: " + shown.result().alert());
        }
        List<String> lines = side.equals("sender") ? shown.result().senderErrors() : shown.result().receiverErrors();
        assertTrue(text.contains("first error line (" + side + "): " + lines.get(0).lines().findFirst().orElse("")),
                "first error line quoted");
        for (String a : List.of("handshake transcript", "error lines (sender and receiver)", "diagnosis")) {
            assertTrue(text.contains(a), "attachment " + a);
        }
        assertTrue(text.contains(shown.cell().receiveSide()) && text.contains(shown.cell().dhGroup()), "axis parameters shown");
        chromium.screenshot(page, REPORTS.resolve("allure-cell.png"), 20000);
    }

    @Test
    void overviewCountsAreThoseOfResultsJson() throws Exception {
        Document overview = Jsoup.parse(chromium.dumpDom(index, 20000));
        assertEquals(Integer.toString(results.size()), overview.selectFirst(".summary-widget__stats .splash__title").text(),
                "test cases on the Overview");
        long ok = count(Outcome.OK);
        assertTrue(overview.selectFirst(".widget__title").text().startsWith("handshake-matrix: " + ok + " of "
                + results.size() + " combinations handshake"), "the Overview's title says how many combinations handshake");
        // The Overview's Suites widget: one row per sender, a count per status; with every row shown, the sums
        // are the report's counts.
        Element suites = overview.selectFirst("[data-id=suites]");
        int items = Integer.parseInt(suites.selectFirst(".widget__subtitle").text().replaceAll("\\D", ""));
        if (suites.select("a.table__row:has(.bar)").size() == items) { // the default matrix: 9 senders, all shown
            Map<String, Long> sums = new HashMap<>();
            for (Element bar : suites.select(".bar__fill")) {
                String status = bar.className().replaceAll(".*bar__fill_status_(\\w+).*", "$1");
                sums.merge(status, Long.parseLong(bar.text().strip()), Long::sum);
            }
            assertEquals(ok, sums.getOrDefault("passed", 0L), "passed on the Overview");
            assertEquals(count(Outcome.FAIL), sums.getOrDefault("failed", 0L), "failed on the Overview");
            assertEquals(count(Outcome.SKIPPED), sums.getOrDefault("skipped", 0L), "skipped on the Overview");
            assertEquals(count(Outcome.ERROR) + count(Outcome.TIMEOUT), sums.getOrDefault("broken", 0L), "broken on the Overview");
        }
        assertTrue(overview.text().contains("Combinations.that.handshake " + ok + " of " + results.size() + " cells"),
                "the Overview says how many combinations handshake");
        // The per-status counts, as the report's status filter shows them (same page data as the Overview chart).
        Document behaviors = Jsoup.parse(chromium.dumpDom(index + "#behaviors", 20000));
        Map<String, Long> want = Map.of("passed", ok, "failed", count(Outcome.FAIL),
                "broken", count(Outcome.ERROR) + count(Outcome.TIMEOUT), "skipped", count(Outcome.SKIPPED));
        for (Map.Entry<String, Long> e : want.entrySet()) {
            Element badge = behaviors.selectFirst(".status-toggle [data-status=" + e.getKey() + "]");
            assertNotNull(badge, e.getKey());
            assertEquals(Long.toString(e.getValue()), badge.text(), e.getKey() + " cells");
        }
        chromium.screenshot(index, REPORTS.resolve("allure-overview.png"), 20000);
    }

    @Test
    void behaviorsHaveTheEpicsAndStoriesInSizeOrder() throws Exception {
        Document behaviors = Jsoup.parse(chromium.dumpDom(index + "#behaviors", 20000));
        Set<String> epics = new TreeSet<>();
        results.forEach(r -> epics.add(AllureCellText.setting(r.cell())));
        assertEquals(epics, new TreeSet<>(topGroups(behaviors)), "one epic per setting");
        // Under each feature the stories (DH groups) come in size order, as the browser shows them.
        int checked = 0;
        for (Element feature : behaviors.select("div.tree > div.tree__content > div.node > .node__children > div.node")) {
            List<Integer> sizes = new ArrayList<>();
            for (Element story : feature.select("> .node__children > div.node > .node__title .node__name")) {
                String name = story.text();
                if (name.matches("DH \\d{4} bits: .*")) {
                    sizes.add(Integer.parseInt(name.substring(3, 7)));
                }
            }
            List<Integer> sorted = new ArrayList<>(sizes);
            sorted.sort(null);
            assertEquals(sorted, sizes, "stories by size under " + feature.selectFirst(".node__name").text());
            checked += sizes.size() > 1 ? 1 : 0;
        }
        assertTrue(checked > 0, "some feature has stories of several sizes");
        Set<String> features = new LinkedHashSet<>();
        results.forEach(r -> features.add(AllureCellText.pair(r.cell())));
        assertTrue(behaviors.text().contains(features.iterator().next()), "features are sender -> receiver");
        chromium.screenshot(index + "#behaviors", REPORTS.resolve("allure-behaviors.png"), 20000);
    }

    private static long count(Outcome o) {
        return results.stream().filter(r -> r.result().outcome() == o).count();
    }

    /** The handshake itself: a refusal is Failed even where matrix.yaml expects it. */
    private static String expectedStatus(CellResult r) {
        return switch (r.result().outcome()) {
            case OK -> "Passed";
            case FAIL -> "Failed";
            case ERROR, TIMEOUT -> "Broken";
            case SKIPPED, NOT_RUN -> "Skipped";
        };
    }
}
