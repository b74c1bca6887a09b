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
        return new CellResult(c, "emulated", HandshakeResult.builder(Outcome.OK).negotiated("TLSv1.2", cipher, null)
                .dhBits(bits).durationMs(5).build(), "ok", 10, List.of());
    }

    static CellResult senderFail(Cell c, String line, int alert, String... differences) {
        return new CellResult(c, "emulated", HandshakeResult.builder(Outcome.FAIL).failure(Side.SENDER,
                "ServerKeyExchange", new Alert(alert, alert == 50 ? "decode_error" : "handshake_failure", Side.SENDER))
                .errors(List.of(line), List.of("SSL alert number " + alert))
                .transcript(List.of(">>> ClientHello", "<<< ServerKeyExchange")).durationMs(5).build(), "fail", 20, List.of(differences));
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

    private static final io.handshakematrix.config.ProductProfile PRODUCT =
            io.handshakematrix.config.ProductProfiles.builtin();

    @Test
    void resolutionComesFromSiblingCellsThatPassedDheFirst() {
        List<io.handshakematrix.explain.SiblingFixes.Fix> fixes =
                new io.handshakematrix.explain.SiblingFixes(supportCase(), PRODUCT, List.of()).of(cell("NO", "256-g1"));
        assertEquals(List.of("[DH] DH_1024_RECEIVE_SIDE = dh1024.pem", "[RSAKEY] RECEIVE_SIDE = YES"),
                fixes.stream().map(io.handshakematrix.explain.SiblingFixes.Fix::change).toList());
        assertTrue(fixes.get(1).costs().get(0).contains("no forward secrecy"), fixes.toString());
        assertTrue(fixes.get(0).costs().isEmpty(), fixes.toString());
    }

    @Test
    void noSiblingThatRanMeansNoSuggestion() {
        List<CellResult> alone = List.of(senderFail(cell("NO", "256-g1"), G_LINE, 50),
                senderFail(cell("NO", "1024"), SMALL_LINE, 40));
        assertTrue(new io.handshakematrix.explain.SiblingFixes(alone, PRODUCT).of(cell("NO", "256-g1")).isEmpty());
        assertTrue(KbMarkdown.renderDetail(alone, Map.of(), PRODUCT).contains("none of the cells in these results passes"));
    }

    private static final String NO_SHARED = "error:1408A0C1:SSL routines:SSL3_GET_CLIENT_HELLO:no shared cipher:s3_srvr.c:1407:";

    /** The same pair with an ECDSA P-256 receiver certificate (an axis beyond the four): the receiver finds no cipher. */
    static CellResult ecdsaFail(String side, String dh) {
        Cell c = cell(side, dh).with("certificate", "ecdsa-p256");
        return new CellResult(c, "emulated", HandshakeResult.builder(Outcome.FAIL).failure(Side.RECEIVER,
                "ClientHello", new Alert(40, "handshake_failure", Side.RECEIVER))
                .errors(List.of("SSL alert number 40"), List.of(NO_SHARED)).transcript(List.of(">>> ClientHello"))
                .detail("no shared cipher").durationMs(5).build(), "fail", 20, List.of());
    }

    /** Another receiver setup gets rows of its own, and no fix proven by the product's own cells. */
    @Test
    void cellsOfAnotherReceiverSetupAreReportedApart() {
        List<CellResult> all = new java.util.ArrayList<>(supportCase());
        all.add(ecdsaFail("YES", "1024"));
        all.add(ecdsaFail("NO", "256-g1"));
        all.add(ecdsaFail("NO", "1024"));
        // a neutral value is no variant: certificate rsa is the product's own setup
        assertEquals(Map.of(), cell("NO", "1024").with("certificate", "rsa").extras());
        io.handshakematrix.explain.SiblingFixes fixes = new io.handshakematrix.explain.SiblingFixes(all, PRODUCT);
        assertTrue(fixes.of(ecdsaFail("NO", "256-g1").cell()).isEmpty(), "an RSA receiver's DH table is no ECDSA fix");
        assertEquals("[DH] DH_1024_RECEIVE_SIDE = dh1024.pem", fixes.of(cell("NO", "256-g1")).get(0).change());
        String md = KbMarkdown.render(all, Map.of(), PRODUCT);
        assertTrue(md.contains("| rhel-7.7 -> rhel-6.10 | ✔ AES256-SHA | 1024 | `[DH] DH_1024_RECEIVE_SIDE = dh1024.pem` |"), md);
        assertTrue(md.matches("(?s).*\\| rhel-7\\.7 -> rhel-6\\.10 \\| certificate ecdsa-p256 \\| ✖ receiver: no shared cipher \\[\\^\\d] "
                + "\\| ✖ receiver: no shared cipher \\[\\^\\d] \\| none in this run \\|.*"), md);
        assertTrue(md.contains("no shared cipher (with certificate ecdsa-p256) (3 cells)."), md);
        String detail = KbMarkdown.renderDetail(all, Map.of(), PRODUCT);
        assertTrue(detail.contains("## RECEIVE_SIDE = NO  (TLSv1.2, certificate ecdsa-p256)"), detail);
        assertTrue(detail.contains("| RECEIVE_SIDE = NO, DH 256-g1 / 1024, certificate ecdsa-p256 | receiver: no shared cipher"
                + ", alert 40 [^"), detail);
    }

    @Test
    void articleStartsWithRunFactsAndTheSummaryThenOnlyWhatFails() {
        String md = KbMarkdown.render(supportCase(), Map.of("started", "2026-12-01T08:00:00Z", "matrix", "m.yaml"), PRODUCT);
        assertTrue(md.contains("Run 2026-12-01T08:00:00Z · harness handshake-matrix "), md);
        assertTrue(md.matches("(?s).*matrix `m.yaml`, digest `sha256:[0-9a-f]{16}`.*"), md);
        int summary = md.indexOf("## Summary");
        int log = md.indexOf("## If your log says...");
        int fails = md.indexOf("## Where RECEIVE_SIDE = NO fails");
        assertTrue(summary > 0 && log > summary && fails > log, md);
        assertTrue(md.contains("| rhel-7.7 -> rhel-6.10 | ✔ AES256-SHA | 1024 | `[DH] DH_1024_RECEIVE_SIDE = dh1024.pem` |"), md);
        // test-only groups are not columns of the article; the internal table says what it is
        assertTrue(md.contains("| sender -> receiver | 256-g1 (internal table) | 1024 |"), md);
        assertTrue(md.contains("| rhel-7.7 -> rhel-6.10 | ✖ S50 [^1] | ✔ |"), md);
        assertTrue(md.contains("[^1]: `sender: " + G_LINE + "`"), md);
        assertFalse(md.contains("1024-composite"), md);
        assertFalse(md.contains("## RECEIVE_SIDE = YES"), "no RSA table across DH columns");
    }

    @Test
    void theDetailKeepsEveryCellTestOnlyGroupsInTheAppendixAndRsaAsOneRow() {
        String md = KbMarkdown.renderDetail(supportCase(), Map.of(), PRODUCT);
        assertTrue(md.indexOf("## Appendix: the harness's test-only DH groups") > md.indexOf("## Resolution"), md);
        assertTrue(md.contains("| rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE = YES  (TLSv1.2) | ✔ OK AES256-SHA | 256-g1, 1024 |"), md);
        assertTrue(md.contains("✔ OK DHE-RSA-AES256-SHA, DH 1024"), md);
    }

    @Test
    void sameErrorTextSharesOneFootnote() {
        List<CellResult> two = List.of(senderFail(cell("NO", "256"), SMALL_LINE, 40), senderFail(cell("NO", "512"), SMALL_LINE, 40));
        String md = KbMarkdown.renderDetail(two, Map.of(), PRODUCT);
        assertTrue(md.contains("[^1]: ") && !md.contains("[^2]: "), md);
    }

    /** Whatever passed in the results, the KB offers only [DH] keys the product declares, from 1024 bits. */
    @Test
    void kbNamesOnlyDeclaredDhKeysOfAtLeast1024BitsAndNoSubKiloBitSenderOverride() {
        List<CellResult> results = new java.util.ArrayList<>();
        for (String dh : List.of("256", "512", "768", "1024", "2048")) {
            results.add(dh.equals("256") ? senderFail(cell("NO", dh), SMALL_LINE, 40) : ok(cell("NO", dh), "DHE-RSA-AES256-SHA",
                    Integer.parseInt(dh)));
            // the sender's MinimumDHBits 512 lets 512 and 768 through: never a fix
            Cell withOverride = new Cell("rhel-7.7", "rhel-6.10", "NO", dh, "TLSv1.2", 512);
            results.add(ok(withOverride, "DHE-RSA-AES256-SHA", Integer.parseInt(dh)));
        }
        results.add(senderFail(new Cell("rhel-7.7", "rhel-6.10", "NO", "512", "TLSv1.2", 0), SMALL_LINE, 40));
        results.remove(ok(cell("NO", "512"), "DHE-RSA-AES256-SHA", 512));
        String all = KbMarkdown.render(results, Map.of(), PRODUCT) + KbMarkdown.renderDetail(results, Map.of(), PRODUCT)
                + KbHtml.render(results, Map.of(), PRODUCT) + KbHtml.renderDetail(results, Map.of(), PRODUCT);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(DH_\\d+_RECEIVE_SIDE)").matcher(all);
        int named = 0;
        while (m.find()) {
            named++;
            Integer bits = PRODUCT.dhKeys().get(m.group(1));
            assertTrue(bits != null, m.group(1) + " is not a [DH] key of " + PRODUCT.origin());
            assertTrue(bits >= 1024, m.group(1) + " offers a group under 1024 bits");
        }
        assertTrue(named > 0, "the fix was offered");
        assertFalse(all.contains("MinimumDHBits 512 in"), "no sender override that lets a sub-1024 group through");
    }

    @Test
    void htmlHasNoLiteralMarkdownIsEscapedAndMarksDrift() {
        CellResult drifted = senderFail(cell("NO", "256-g1"), G_LINE + " <b>", 50, "expected ok, got fail");
        List<CellResult> rs = List.of(drifted, ok(cell("NO", "1024"), "DHE-RSA-AES256-SHA", 1024),
                ok(cell("YES", "256-g1"), "AES256-SHA", null));
        String html = KbHtml.render(rs, Map.of(), PRODUCT);
        assertFalse(html.contains("`"), "no literal backticks");
        assertFalse(html.contains("[^"), "no literal footnote marks");
        assertTrue(html.contains("<code>[DH] DH_1024_RECEIVE_SIDE = dh1024.pem</code>"), html);
        assertFalse(html.contains("<b>"), "error text is escaped");
        assertTrue(html.contains("&lt;b&gt;"));
        String detail = KbHtml.renderDetail(rs, Map.of(), PRODUCT);
        assertTrue(detail.contains("class=\"v-fail differs\""), detail);
        assertTrue(detail.contains(KbText.DIFFERS));
        assertFalse(html.contains("src=") || html.contains("http") || detail.contains("src=") || detail.contains("http"),
                "no external fetch");
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
                new CellResult(slower.cell(), "emulated", HandshakeResult.builder(Outcome.OK)
                        .negotiated("TLSv1.2", "DHE-RSA-AES256-SHA", null).dhBits(1024).durationMs(900).build(), "ok", 10, List.of()),
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

    /**
     * "If your log says..." for a receiver's alert-40 line: the cause where the peer (the sender) refused comes
     * first, even when more cells printed the same line on the sender's side because the receiver refused.
     */
    @Test
    void anAlertLineGivesThePeersRefusalFirst() {
        String alert40 = "error:14094410:SSL routines:SSL3_READ_BYTES:sslv3 alert handshake failure:s3_pkt.c:1275:SSL alert number 40";
        java.util.List<CellResult> cells = new java.util.ArrayList<>();
        cells.add(new CellResult(cell("NO", "256"), "emulated", HandshakeResult.builder(Outcome.FAIL).failure(Side.SENDER,
                "ServerKeyExchange", new Alert(40, "handshake_failure", Side.SENDER))
                .errors(List.of(SMALL_LINE), List.of(alert40)).durationMs(5).build(), "fail", 20, List.of()));
        for (String dh : List.of("512", "768")) {
            cells.add(new CellResult(new Cell("jdk-25", "rhel-6.10", "YES", dh, "TLSv1.2", 0), "emulated",
                    HandshakeResult.builder(Outcome.FAIL).failure(Side.RECEIVER, "ClientHello",
                            new Alert(40, "handshake_failure", Side.RECEIVER))
                    .errors(List.of(alert40), List.of("error:1408A0C1:SSL routines:SSL3_GET_CLIENT_HELLO:no shared cipher"))
                    .durationMs(5).build(), "fail", 20, List.of()));
        }
        io.handshakematrix.explain.LineIndex index = new io.handshakematrix.explain.LineIndex(cells, PRODUCT);
        var causes = KbArticle.forReader(index.lookup(io.handshakematrix.explain.LogLine.of(alert40, PRODUCT.support())));
        assertEquals(Side.RECEIVER, causes.get(0).printedBy(), causes.toString());
        assertEquals(Side.SENDER, causes.get(0).failedSide(), causes.toString());
        assertEquals(2, causes.get(1).cells(), causes.toString());
    }
}
