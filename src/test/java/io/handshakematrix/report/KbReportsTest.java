package io.handshakematrix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.handshakematrix.model.Alert;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report generators on hand-made results: KB tables, footnotes, derived resolutions, CSV, baseline drift. */
class KbReportsTest {
    private static final String G_LINE = "error:1408D177:SSL routines:ssl3_get_key_exchange:bad dh g value:s3_clnt.c:1774:";
    private static final String SMALL_LINE = "error:14082174:SSL routines:ssl3_check_cert_and_algorithm:dh key too small:s3_clnt.c:3636:";

    @TempDir
    Path dir;

    static Cell cell(String side, String dh) {
        return new Cell("rhel-7.7", "rhel-6.10", side, dh, "TLSv1.2", 0);
    }

    static CellResult ok(Cell c, String cipher, Integer bits) {
        return new CellResult(c, "emulated", new HandshakeResult(Outcome.OK, "TLSv1.2", cipher, bits, null, null, null,
                List.of(), List.of(), List.of(), null, 5), "ok", 10, List.of());
    }

    static CellResult senderFail(Cell c, String line, int alert, String... differences) {
        return new CellResult(c, "emulated", new HandshakeResult(Outcome.FAIL, null, null, null, Side.SENDER,
                "ServerKeyExchange", new Alert(alert, alert == 50 ? "decode_error" : "handshake_failure", Side.SENDER),
                List.of(line), List.of("SSL alert number " + alert), List.of(">>> ClientHello", "<<< ServerKeyExchange"),
                null, 5), "fail", 20, List.of(differences));
    }

    /** The support case and its siblings: 256-g1 fails, RSA key exchange and the 1024 group pass. */
    static List<CellResult> supportCase() {
        return List.of(
                ok(cell("YES", "256-g1"), "AES256-SHA", null),
                ok(cell("YES", "1024"), "AES256-SHA", null),
                senderFail(cell("NO", "256-g1"), G_LINE, 50),
                ok(cell("NO", "1024"), "DHE-RSA-AES256-SHA", 1024),
                // A broken group that happens to pass must never be offered as a setting.
                ok(cell("NO", "1024-composite"), "DHE-RSA-AES256-SHA", 1024));
    }

    @Test
    void resolutionComesFromSiblingCellsThatPassed() {
        List<Resolution> rs = Resolutions.derive(supportCase());
        assertEquals(1, rs.size());
        assertEquals(List.of("RECEIVE_SIDE = YES", "[DH] DH_1024_RECEIVE_SIDE (with RECEIVE_SIDE = NO)"), rs.get(0).fixes());
        assertEquals("sender: bad dh g value, alert 50", rs.get(0).symptom());
    }

    @Test
    void noSiblingThatRanMeansNoSuggestion() {
        List<CellResult> alone = List.of(senderFail(cell("NO", "256-g1"), G_LINE, 50),
                senderFail(cell("NO", "1024"), SMALL_LINE, 40));
        List<Resolution> rs = Resolutions.derive(alone);
        assertTrue(rs.stream().allMatch(r -> r.fixes().isEmpty()), rs.toString());
        assertTrue(KbMarkdown.render(alone).contains("none of the cells in these results passes"));
    }

    @Test
    void markdownHasMarksWordsAndExactLinesInFootnotes() {
        String md = KbMarkdown.render(supportCase());
        assertTrue(md.contains("| rhel-7.7 -> rhel-6.10 | ✖ FAIL sender: bad dh g value, alert 50 [^1] |"), md);
        assertTrue(md.contains("✔ OK DHE-RSA-AES256-SHA, DH 1024"), md);
        assertTrue(md.contains("[^1]: `sender: " + G_LINE + "`"), md);
        assertTrue(md.contains("## Resolution"), md);
        assertFalse(md.contains(KbText.DIFFERS + " |"), "no cell differs");
    }

    @Test
    void sameErrorTextSharesOneFootnote() {
        List<CellResult> two = List.of(senderFail(cell("NO", "256"), SMALL_LINE, 40), senderFail(cell("NO", "512"), SMALL_LINE, 40));
        KbDocument doc = KbDocument.of(two);
        assertEquals(1, doc.footnotes().size());
        assertEquals(1, doc.cell(two.get(1)).footnote());
    }

    @Test
    void htmlIsSelfContainedEscapedAndMarksDrift() {
        CellResult drifted = senderFail(cell("NO", "256-g1"), G_LINE + " <b>", 50, "expected ok, got fail");
        String html = KbHtml.render(List.of(drifted, ok(cell("NO", "1024"), "DHE-RSA-AES256-SHA", 1024)));
        assertFalse(html.contains("<b>"), "error text is escaped");
        assertTrue(html.contains("&lt;b&gt;"));
        assertTrue(html.contains("class=\"v-fail differs\""), html);
        assertTrue(html.contains("<strong>" + KbText.DIFFERS + "</strong>"));
        assertFalse(html.contains("src=") || html.contains("http"), "no external fetch");
    }

    @Test
    void csvHasOneRowPerCellAndKeepsExactMultiLineErrors() throws Exception {
        Path csv = dir.resolve("results.csv");
        ResultsCsv.write(csv, supportCase());
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
            List<Map<String, String>> all = rows.readAll();
            assertEquals(5, all.size());
            Map<String, String> fail = all.get(2);
            assertEquals("fail", fail.get("outcome"));
            assertEquals("50", fail.get("alertCode"));
            assertEquals(G_LINE, fail.get("senderError"));
            assertEquals(ResultsCsv.COLUMNS, List.copyOf(all.get(0).keySet()));
        }
    }

    @Test
    void baselineDiffNamesChangedCellsAndIgnoresTiming() throws Exception {
        List<CellResult> before = supportCase();
        CellResult slower = ok(cell("NO", "1024"), "DHE-RSA-AES256-SHA", 1024);
        List<CellResult> after = List.of(before.get(0), before.get(1), ok(cell("NO", "256-g1"), "DHE-RSA-AES256-SHA", 256),
                new CellResult(slower.cell(), "emulated", new HandshakeResult(Outcome.OK, "TLSv1.2", "DHE-RSA-AES256-SHA",
                        1024, null, null, null, List.of(), List.of(), List.of(), null, 900), "ok", 10, List.of()),
                ok(cell("NO", "4096"), "DHE-RSA-AES256-SHA", 4096));
        BaselineDiff d = BaselineDiff.between(before, after);
        assertEquals(1, d.changed().size());
        assertEquals(List.of(cell("NO", "4096")), d.added());
        assertEquals(List.of(cell("NO", "1024-composite")), d.removed());
        String text = d.text("old.json");
        assertTrue(text.contains("CHANGED  rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256-g1 | TLSv1.2\n"
                + "         was fail sender: bad dh g value (alert 50)\n"
                + "         now ok TLSv1.2 DHE-RSA-AES256-SHA DH 256"), text);
        d.write(dir.resolve("baseline-diff.json"), "old.json");
        assertTrue(Files.readString(dir.resolve("baseline-diff.json")).contains("\"dhGroup\" : \"256-g1\""));
    }
}
