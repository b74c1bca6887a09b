package io.handshakematrix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Allure results written from cell results: status is the handshake; drift comes first in categories. */
class AllureResultsTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    /** Every category the message falls in, the way Allure applies them (a result goes in each match). */
    private static List<String> categories(JsonNode categories, String status, String message) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : categories) {
            boolean statusOk = false;
            for (JsonNode s : c.get("matchedStatuses")) {
                statusOk |= s.asText().equals(status);
            }
            if (statusOk && message.matches(c.get("messageRegex").asText())) {
                out.add(c.get("name").asText());
            }
        }
        return out;
    }

    private Map<String, JsonNode> write(List<CellResult> cells) throws Exception {
        AllureResults.write(dir, RunInfo.of("matrix.yaml", java.time.Instant.now(), cells,
                Map.of("rhel-7.7", "openssl-1.0.2k-19.el7")), cells, cells,
                io.handshakematrix.config.ProductProfiles.builtin(), 7);
        Map<String, JsonNode> byName = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode n = json.readTree(p.toFile());
                byName.put(n.get("name").asText(), n);
            }
        }
        return byName;
    }

    private static String label(JsonNode t, String name) {
        for (JsonNode l : t.get("labels")) {
            if (l.get("name").asText().equals(name)) {
                return l.get("value").asText();
            }
        }
        return null;
    }

    /** Each side's wire events are steps at their times; the side that gave up is the failed step, with its rule. */
    @Test
    void eachSidesWireEventsAreTimedStepsAndTheFailingSideNamesItsRule() throws Exception {
        List<CellResult> cells = new java.util.ArrayList<>(KbReportsTest.supportCase());
        CellResult f = cells.get(2);
        var sent = new io.handshakematrix.model.SideTrace("g_above_1", List.of(
                new io.handshakematrix.model.WireEvent(0.0, true, "ClientHello"),
                new io.handshakematrix.model.WireEvent(4.2, false, "ServerKeyExchange"),
                new io.handshakematrix.model.WireEvent(4.6, true, "Alert fatal decode_error (50)")));
        cells.set(2, new CellResult(f.cell(), f.engine(), f.result().withTraces(sent, null), f.expected(),
                f.expectationLine(), f.differences()));
        JsonNode t = write(cells).get("rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256-g1 | TLSv1.2");
        JsonNode sender = t.get("steps").get(0);
        assertEquals("sender rhel-7.7 gave up (rule g_above_1): 3 wire events", sender.get("name").asText());
        assertEquals("failed", sender.get("status").asText());
        assertEquals(">>> Alert fatal decode_error (50) (4.6 ms)", sender.get("steps").get(2).get("name").asText());
        assertEquals(t.get("start").asLong() + 5, sender.get("steps").get(2).get("start").asLong(), "timed from the run's start");
        JsonNode receiver = t.get("steps").get(1);
        assertEquals("receiver rhel-6.10: 0 wire events", receiver.get("name").asText());
        assertEquals("passed", receiver.get("status").asText());
    }

    @Test
    void statusIsTheHandshakeAndTheRefusalNamesSideCheckAlertAndLine() throws Exception {
        List<CellResult> cells = KbReportsTest.supportCase();
        Map<String, JsonNode> tests = write(cells);
        assertEquals(cells.size(), tests.size(), "one Allure test per cell");
        JsonNode support = tests.get("rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256-g1 | TLSv1.2");
        assertEquals("failed", support.get("status").asText(), "as matrix.yaml expects, yet a refusal is 'failed'");
        String msg = support.get("statusDetails").get("message").asText();
        assertTrue(msg.startsWith("Bad DH generator: the sender rhel-7.7 refused after ServerKeyExchange: bad dh g value; "
                + "alert decode_error (50) from sender\nfirst error line (sender): error:1408D177:"), msg);
        JsonNode cats = json.readTree(dir.resolve("categories.json").toFile());
        assertEquals(List.of("Bad DH generator"), categories(cats, "failed", msg));
        assertEquals("RECEIVE_SIDE=NO | TLSv1.2", label(support, "epic"));
        assertEquals("rhel-7.7 -> rhel-6.10", label(support, "feature"));
        assertEquals("DH 0256 bits: 256-g1", label(support, "story"));
        assertEquals("sender rhel-7.7", label(support, "parentSuite"));
        assertEquals("receiver rhel-6.10", label(support, "suite"));
        assertTrue(support.get("description").asText().contains("Verified fix"), support.get("description").asText());
        assertEquals(3, support.get("attachments").size());
        for (JsonNode a : support.get("attachments")) {
            assertTrue(Files.isRegularFile(dir.resolve(a.get("source").asText())), a.toString());
        }
        assertEquals(7, support.get("parameters").size(), "six axes and the engine");

        JsonNode rsa = tests.get("rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=YES | DH 256-g1 | TLSv1.2");
        assertEquals("passed", rsa.get("status").asText());
        assertEquals(List.of(), categories(cats, "passed", rsa.get("statusDetails").get("message").asText()));
        JsonNode executor = json.readTree(dir.resolve("executor.json").toFile());
        assertEquals(7, executor.get("buildOrder").asInt());
        assertEquals("handshake-matrix: 4 of 5 combinations handshake", executor.get("reportName").asText());
        String env = Files.readString(dir.resolve("environment.properties"));
        assertTrue(env.contains("Combinations.that.handshake=4 of 5 cells"), env);
        assertTrue(env.contains("Stack.rhel-7.7=openssl-1.0.2k-19.el7"), env);
        assertTrue(env.matches("(?s).*Harness=handshake-matrix \\d+\\.\\d+.*"), "the pom's version: " + env);
    }

    @Test
    void driftedCellIsFirstCategoryOnlyAndCarriesTheLabel() throws Exception {
        List<CellResult> cells = new ArrayList<>(KbReportsTest.supportCase());
        CellResult g = cells.get(2);
        CellResult drifted = new CellResult(g.cell(), g.engine(), g.result(), "ok", 12,
                List.of("expected ok, got fail sender: bad dh g value (alert 50)"));
        cells.set(2, drifted);
        Map<String, JsonNode> tests = write(cells);
        JsonNode t = tests.get(g.cell().displayName());
        assertEquals("failed", t.get("status").asText());
        String msg = t.get("statusDetails").get("message").asText();
        String first = "Differs from matrix.yaml: expected ok, got fail sender: bad dh g value (alert 50)";
        assertTrue(msg.startsWith(first + "\n"), msg);
        JsonNode cats = json.readTree(dir.resolve("categories.json").toFile());
        assertEquals("! " + first, cats.get(0).get("name").asText(), "drift is the first category");
        assertEquals(List.of("! " + first), categories(cats, "failed", msg), "and only there, not also under its cause");
        List<String> names = new ArrayList<>();
        cats.forEach(c -> names.add(c.get("name").asText().toLowerCase()));
        assertEquals(names.get(0), names.stream().sorted().findFirst().get(),
                "first also in Allure's tree, which sorts groups by lower-cased name");
        assertEquals("blocker", label(t, "severity"));
        boolean tagged = false;
        for (JsonNode l : t.get("labels")) {
            tagged |= l.get("value").asText().equals("DIFFERS from matrix.yaml");
        }
        assertTrue(tagged);
        // A success where a failure is expected is still "passed" (the handshake), and still in the drift category.
        CellResult ok = new CellResult(g.cell(), g.engine(), cells.get(3).result(), "fail", 12,
                List.of("expected fail, got ok"));
        String okMsg = AllureCellText.message(ok);
        assertEquals("passed", AllureCellText.status(ok.result()));
        assertTrue(okMsg.startsWith("Differs from matrix.yaml: expected fail, got ok TLSv1.2"), okMsg);
    }

    @Test
    void storiesSortBySizeAndBrokenOrSkippedHaveTheirCause() {
        List<String> stories = new ArrayList<>();
        for (String g : List.of("4096", "256", "1024-composite", "512", "2048", "ffdhe2048", "768")) {
            stories.add(AllureCellText.story(KbReportsTest.ok(KbReportsTest.cell("NO", g), "x", null)));
        }
        List<String> sorted = new ArrayList<>(stories);
        sorted.sort(null);
        assertEquals(List.of("DH 0256 bits: 256", "DH 0512 bits: 512", "DH 0768 bits: 768", "DH 1024 bits: 1024-composite",
                "DH 2048 bits: 2048", "DH 2048 bits: ffdhe2048", "DH 4096 bits: 4096"), sorted, "text order is size order");
        CellResult broken = new CellResult(KbReportsTest.cell("NO", "256"), "jvm",
                HandshakeResult.builder(Outcome.ERROR).detail("harness: java.net.BindException").durationMs(3).build(), "fail", 1, List.of());
        assertEquals("broken", AllureCellText.status(broken.result()));
        assertTrue(AllureCellText.message(broken).startsWith("Environment or harness error: "), AllureCellText.message(broken));
        CellResult skipped = new CellResult(KbReportsTest.cell("NO", "256"), "jvm",
                HandshakeResult.builder(Outcome.SKIPPED).detail("jdk-25 does not offer TLSv1").build(), "skipped", 1, List.of());
        assertEquals("skipped", AllureCellText.status(skipped.result()));
        assertTrue(AllureCellText.message(skipped).startsWith("Cannot run here: skipped: jdk-25 does not offer TLSv1"));
        assertEquals(Outcome.SKIPPED, skipped.result().outcome());
    }

    @Test
    void historyEmbeddedInTheSingleFileIsTakenOutForTheNextRun() throws Exception {
        Path index = dir.resolve("index.html");
        String trend = "[{\"buildOrder\":3}]";
        String b64 = java.util.Base64.getEncoder().encodeToString(trend.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.writeString(index, "<script>d('data/x.json','e30=');d('history/history-trend.json','" + b64 + "');"
                + "d('history/history.json','e30=')</script>");
        assertTrue(AllureReport.embeddedHistory(index, dir.resolve("history")));
        assertEquals(trend, Files.readString(dir.resolve("history/history-trend.json")));
        assertEquals(4, AllureReport.nextBuildOrder(dir), "one more than the newest build of the trend");
        Files.writeString(index, "<html>no history</html>");
        assertFalse(AllureReport.embeddedHistory(index, dir.resolve("none")), "falls back to the multi-file report");
    }

    /**
     * The failing side's rule names the cause before its words do: a JDK's "Invalid DH ServerKeyExchange" is its Ys
     * check (a bad generator), though the words once read as a bad prime; without a rule, the words still decide.
     */
    @Test
    void theFailingSidesRuleNamesTheCauseBeforeItsWords() {
        String line = "javax.net.ssl.SSLHandshakeException: Invalid DH ServerKeyExchange: invalid parameters";
        io.handshakematrix.model.Cell c = KbReportsTest.cell("NO", "256-g1");
        HandshakeResult.Builder refused = HandshakeResult.builder(Outcome.FAIL)
                .failure(io.handshakematrix.model.Side.SENDER, "ServerKeyExchange",
                        new io.handshakematrix.model.Alert(40, "handshake_failure", io.handshakematrix.model.Side.SENDER))
                .errors(List.of(line), List.of());
        CellResult ruled = new CellResult(c, "jvm", refused.traces(
                new io.handshakematrix.model.SideTrace("ys_in_range", List.of()), null).build(), "fail", 1, List.of());
        assertEquals("Bad DH generator", AllureCauses.of("failed", ruled).name());
        CellResult unruled = new CellResult(c, "jvm", refused.traces(null, null).build(), "fail", 1, List.of());
        assertEquals("Bad DH prime", AllureCauses.of("failed", unruled).name());
    }

    /**
     * A side that names no rule and states both defects of a 256-bit g = 1 group (OpenSSL 3.0's DH_check_params_ex
     * prints the generator error, then the size error) is filed under the generator, not the size.
     */
    @Test
    void aG1CellWhoseLinesStateBothDefectsIsABadGenerator() {
        io.handshakematrix.model.Cell c = KbReportsTest.cell("NO", "256-g1");
        HandshakeResult h = HandshakeResult.builder(Outcome.FAIL)
                .failure(io.handshakematrix.model.Side.SENDER, "ServerKeyExchange", null)
                .errors(List.of("error:05800080:Diffie-Hellman routines::not suitable generator",
                        "error:05800067:Diffie-Hellman routines::modulus too small"), List.of())
                .traces(null, null).build();
        CellResult r = new CellResult(c, "container", h, "fail", 1, List.of());
        assertEquals("Bad DH generator", AllureCauses.of("failed", r).name());
    }
}
