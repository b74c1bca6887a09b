package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * reports/kb/ after a real run of the support case's releases: one article per distinct failure in the form
 * support teams publish, and the OS compatibility tables, with no harness-only names.
 */
class KbSupportArticlesTest {
    @TempDir
    static Path dir;
    private static Path kb;

    @BeforeAll
    static void runTheSupportCaseReleases() throws IOException {
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "product:\n  receive_side: {\"YES\": [AES256-SHA], \"NO\": [DHE-RSA-AES256-SHA]}\n"
                + "axes:\n  senders: [rhel-7.7, rhel-6.10, rhel-6-pre-logjam]\n  receivers: [rhel-6.10, rhel-7.7]\n"
                + "  receive_side: [\"YES\", \"NO\"]\n  dh: [\"256\", 256-g1, \"1024\", \"2048\", 1024-even]\n"
                + "expect:\n  - why: \"any verdict: this run only feeds the KB\"\n    outcome: fail\n");
        CliRun r = CliRun.of("run", "--matrix", m.toString(), "--out", dir.toString(), "--quiet");
        assertTrue(r.code() == 0 || r.code() == 1, r.all());
        kb = dir.resolve("kb");
    }

    @Test
    void theSupportCaseArticleHasTheSectionsSupportTeamsPublish() throws IOException {
        Path article = kb.resolve("sender-bad-dh-g-value-alert-50.md");
        String md = Files.readString(article);
        assertTrue(md.startsWith("# TLS handshake fails: the sender logs \"bad dh g value\" and the receiver logs "
                + "\"tlsv1 alert decode error\"\n"), md);
        int at = 0;
        for (String section : List.of("## Issue", "## Environment", "## Cause", "## Resolution", "## Additional Information")) {
            int next = md.indexOf(section + "\n", at);
            assertTrue(next > at, section + " after the previous section: " + md);
            at = next;
        }
        assertTrue(md.contains("sender: XCOMU0780E Txpi 308: TxpiInitSSL Failed msg = <error:1408D177:SSL routines:"
                + "ssl3_get_key_exchange:bad dh g value"), md);
        assertTrue(md.contains("the DH generator g is 0 or 1"), md);
        assertTrue(md.contains("- Sender (TLS client): RHEL 7.7\n- Receiver (TLS server): RHEL 6.10, RHEL 7.7\n"), md);
        assertTrue(md.contains("```\n[DH]\nDH_2048_RECEIVE_SIDE = dh2048.pem\n```"), md);
        assertTrue(md.contains("openssl dhparam -out dh2048.pem 2048"), md);
        // the article's other fix keeps its place, with its cost
        assertTrue(md.contains("cost: no forward secrecy (RSA key exchange)") && md.contains("```\n[RSAKEY]\nRECEIVE_SIDE = YES\n```"), md);
        // no RHEL 8+ stack in this run: the sentence on the upgrade claims nothing
        assertTrue(md.contains("survive RHEL 8, 9 and 10 is not in this run"), md);
        assertTrue(Files.size(article) < 3 * 1024, "pastes into a KB: " + Files.size(article) + " bytes");
        for (Path p : Files.list(kb).toList()) {
            String text = Files.readString(p);
            for (String harness : List.of("@jvm", "rhel-6-pre-logjam", "1024-even", "†", "[unverified]")) {
                assertFalse(text.contains(harness), p + " holds the harness name " + harness);
            }
        }
        String html = Files.readString(kb.resolve("sender-bad-dh-g-value-alert-50.html"));
        assertTrue(html.contains("<h2 id=\"resolution\">Resolution</h2>"), html);
        assertTrue(html.contains("<pre><code>[DH]\nDH_2048_RECEIVE_SIDE = dh2048.pem\n</code></pre>"), html);
    }

    @Test
    void theCompatibilityTablesHaveOneRowAndColumnPerOsRelease() throws IOException {
        String md = Files.readString(kb.resolve("compatibility.md"));
        assertTrue(md.contains("## RECEIVE_SIDE = YES (AES256-SHA)\n\n| sender / receiver | RHEL 6.10 | RHEL 7.7 |\n"), md);
        assertTrue(md.contains("| RHEL 7.7 | ✔ from 1024 bits (`DH_1024_RECEIVE_SIDE`); blank \\[DH\\]: ✖ sender: "
                + "`bad dh g value` |"), md);
        assertTrue(md.contains("| RHEL 6.10 | ✔ works | ✔ works |"), md);
        assertTrue(Files.readString(kb.resolve("compatibility.html")).contains("<table id=\"compat-no\">"));
    }

    @Test
    void oneArticlePerDistinctFailure() throws IOException {
        List<String> articles = Files.list(kb).map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(".md") && !n.equals("index.md") && !n.equals("compatibility.md")).sorted().toList();
        assertEquals(List.of("sender-bad-dh-g-value-alert-50.md", "sender-dh-key-too-small-alert-40.md"), articles);
    }
}
