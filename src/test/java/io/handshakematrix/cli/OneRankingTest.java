package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ranking of fixes: for the support case (rhel-7.7 sender, the product on rhel-6.10 with the customer's
 * configssl.cnf), diagnose, explain (from a run's results and from the results shipped in the jar) and the KB article
 * print the same fixes in the same order with the same current-peer counts. diagnose counts by running each current
 * peer's twin against the changed receiver; the others count from results, so they agree only if the counting is one.
 */
class OneRankingTest {
    private static final String RECEIVER_LINE = "XCOMU0780E Txpi 308: TxpiInitSSL Failed msg = <error:14094410:SSL "
            + "routines:SSL3_READ_BYTES:sslv3 alert handshake failure:s3_pkt.c:1275:SSL alert number 40>";
    private static final String SENDER_LINE = "E -catoossl.c(2899): Txpi  308: TxpiInitSSL Failed msg = "
            + "<error:1408D177:SSL routines:ssl3_get_key_exchange:bad dh g value> value = 4294967295";
    private static final String CHANGE = "(\\[(?:DH|RSAKEY)] \\w+ = \\S+)";
    private static final String COUNT = "(\\d+ of \\d+ current peers accept)";

    @TempDir
    Path dir;

    @Test
    void diagnoseExplainAndTheKbPrintTheSameFixesInTheSameOrderWithTheSamePeerCounts() throws IOException {
        CliRun d = CliRun.of("diagnose", "--config", "examples/configssl.cnf", "--sender", "rhel-7.7", "--receiver",
                "rhel-6.10");
        assertEquals(1, d.code(), d.all());
        Map<String, String> diagnose = pairs(d.out(), "set " + CHANGE + " \\(receiver configssl\\.cnf\\) -> ok[^\\n]*\\n"
                + "\\s+(?:keeps DHE \\(forward secrecy\\); )?" + COUNT);
        assertEquals("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem", diagnose.keySet().iterator().next(), d.out());
        assertEquals("3 of 6 current peers accept", diagnose.get("[DH] DH_1024_RECEIVE_SIDE = dh1024.pem"), d.out());

        CliRun shipped = CliRun.of("explain", "--results", dir.resolve("no-run.json").toString(), SENDER_LINE, RECEIVER_LINE);
        assertEquals(0, shipped.code(), shipped.all());
        assertEquals(entries(diagnose), entries(pairs(shipped.out(), "\\n  \\d+\\. " + CHANGE + " \\((?:keeps DHE; )?" + COUNT)),
                "explain without a run (the shipped results) against diagnose:\n" + shipped.out());

        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "product: file-transfer\naxes:\n  senders: [rhel-7.7]\n  receivers: [rhel-6.10]\n"
                + "  receive_side: [\"YES\", \"NO\"]\n  dh: [256-g1, \"1024\", \"2048\", \"4096\"]\n"
                + "expect:\n  - why: \"any verdict: this run only feeds explain and the KB\"\n    outcome: fail\n");
        CliRun run = CliRun.of("run", "--matrix", m.toString(), "--out", dir.resolve("out").toString(), "--quiet",
                "--no-allure-report");
        assertTrue(run.code() == 0 || run.code() == 1, run.all());
        CliRun afterRun = CliRun.of("explain", "--results", dir.resolve("out/results.json").toString(), SENDER_LINE,
                RECEIVER_LINE);
        assertEquals(0, afterRun.code(), afterRun.all());
        assertEquals(entries(diagnose), entries(pairs(afterRun.out(), "\\n  \\d+\\. " + CHANGE + " \\((?:keeps DHE; )?" + COUNT)),
                "explain after a run against diagnose:\n" + afterRun.out());

        String article = Files.readString(dir.resolve("out/kb/sender-bad-dh-g-value-alert-50.md"));
        Map<String, String> kb = new LinkedHashMap<>();
        Matcher k = Pattern.compile(COUNT + "[^\\n]*\\n\\n```\\n\\[(\\w+)]\\n(\\w+ = \\S+)").matcher(article);
        while (k.find()) {
            kb.put("[" + k.group(2) + "] " + k.group(3), k.group(1));
        }
        // the article is a page to paste, not the full list: at most two [DH] tables, so that RECEIVE_SIDE = YES keeps
        // its place; what it lists comes in the ranking's order with the ranking's counts
        assertTrue(kb.size() >= 3, article);
        List<String> ranked = entries(diagnose);
        assertEquals(ranked.get(0), entries(kb).get(0), "the KB article's first fix:\n" + article);
        assertEquals(entries(kb), ranked.stream().filter(entries(kb)::contains).toList(),
                "the KB article against diagnose (same fixes, counts and order):\n" + article);
        assertTrue(ranked.containsAll(entries(kb)), "the KB article against diagnose:\n" + article);
    }

    /** The fixes and counts in their printed order (a map's equality would ignore the order). */
    private static List<String> entries(Map<String, String> m) {
        return m.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    /** Each fix and its count, in the order printed; the first occurrence of a fix wins. */
    private static Map<String, String> pairs(String text, String regex) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher x = Pattern.compile(regex).matcher(text);
        List<String> order = new ArrayList<>();
        while (x.find()) {
            if (out.putIfAbsent(x.group(1), x.group(2)) == null) {
                order.add(x.group(1));
            }
        }
        return out;
    }
}
