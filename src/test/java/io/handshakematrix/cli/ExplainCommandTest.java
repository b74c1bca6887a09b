package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * explain against the results of a real run (the support case's stacks, a current OpenSSL 3.0 sender, both
 * RECEIVE_SIDE values and the product's DH tables): the support case's receiver and sender lines get their cause
 * and the fixes those results prove; unknown lines and bad files get the answers the help promises.
 */
class ExplainCommandTest {
    private static final String RECEIVER_LINE = "XCOMU0780E Txpi 308: TxpiInitSSL Failed msg = <error:14094410:SSL "
            + "routines:SSL3_READ_BYTES:sslv3 alert handshake failure:s3_pkt.c:1275:SSL alert number 40>";

    /** The sender's trace line of the support case, as the product logged it. */
    private static final String SENDER_TRACE_LINE = "E -catoossl.c(2899): Txpi  308: TxpiInitSSL Failed msg = "
            + "<error:1408D177:SSL routines:ssl3_get_key_exchange:bad dh g value> value = 4294967295";

    @TempDir
    static Path dir;
    private static Path results;

    @BeforeAll
    static void runASmallMatrix() throws IOException {
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "product:\n  receive_side: {\"YES\": [AES256-SHA], \"NO\": [DHE-RSA-AES256-SHA]}\n"
                + "axes:\n  senders: [rhel-7.7, rhel-6.10, openssl-3.0]\n  receivers: [rhel-6.10]\n"
                + "  receive_side: [\"YES\", \"NO\"]\n  dh: [\"256\", 256-g1, \"1024\", \"2048\", 1024-even]\n"
                + "expect:\n  - why: \"any verdict: this run only feeds explain\"\n    outcome: fail\n");
        CliRun r = CliRun.of("run", "--matrix", m.toString(), "--out", dir.toString(), "--quiet");
        assertTrue(r.code() == 0 || r.code() == 1, r.all());
        results = dir.resolve("results.json");
    }

    private static CliRun explain(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "explain";
        all[1] = "--results";
        all[2] = results.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    @Test
    void theSupportCaseReceiverLineInsideTheProductPrefixPointsAtTheSender() {
        CliRun r = explain(RECEIVER_LINE);
        assertEquals(0, r.code(), r.all());
        String out = r.out();
        assertTrue(out.contains("Line: error:14094410:SSL routines:SSL3_READ_BYTES:sslv3 alert handshake failure"), out);
        assertTrue(out.contains("inside the product's prefix"), out);
        assertTrue(out.contains("receiver rhel-6.10 ("), out);
        assertTrue(out.contains("the receiver received alert 40 (handshake_failure): its peer, the sender, refused"), out);
        assertTrue(out.toLowerCase().contains("ask the customer for the sender's log; there it says: error:14082174:ssl "
                + "routines:ssl3_check_cert_and_algorithm:dh key too small"), out);
        // the current OpenSSL 3.0 sender accepted 2048 and refused 1024 in this very run; the other current peers
        // count from the handshakes shipped in the jar, as diagnose counts them: 2048 ranks first
        int dh2048 = out.indexOf("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem (keeps DHE; 6 of 6 current peers accept)");
        int dh1024 = out.indexOf("[DH] DH_1024_RECEIVE_SIDE = dh1024.pem (keeps DHE; 3 of 6 current peers accept; cost: "
                + "refused by bc-fips-approved, openssl-1.1.1, openssl-3.0)");
        assertTrue(dh2048 > 0 && dh1024 > dh2048, out);
        assertFalse(out.contains("DH_256_RECEIVE_SIDE"), out);
    }

    @Test
    void variantsOfTheReceiverLineAreTheSameLine() {
        for (String v : new String[] {
            "2026-11-30 03:12:09 XCOMU0780E Txpi 308: TxpiInitSSL Failed msg = <error:14094410:SSL routines:SSL3_READ_BYTES:sslv3 alert handshake failure:s3_pkt.c:1275:SSL alert number 40",
            "140234:error:14094410:SSL routines:SSL3_READ_BYTES:sslv3 alert handshake failure:s3_pkt.c:1275:SSL alert number 40",
            "error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:s3_pkt.c:1493:SSL alert number 40"}) {
            CliRun r = explain(v);
            assertEquals(0, r.code(), r.all());
            assertTrue(r.out().contains("its peer, the sender, refused"), r.out());
        }
    }

    @Test
    void theSupportCaseSenderLineIsItsOwnRefusalWithTheFixes() {
        CliRun r = explain("ssl3_get_key_exchange:bad dh g value");
        assertEquals(0, r.code(), r.all());
        String out = r.out();
        assertTrue(out.contains("sender rhel-7.7 ("), out);
        assertTrue(out.contains("the sender gave up itself on its rule g_above_1: bad dh g value"), out);
        assertTrue(out.contains("rule g_above_1 requires g > 1"), out);
        assertTrue(out.contains("The receiver's log shows (ask for it to confirm): error:1409441A"), out);
        assertTrue(out.contains("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem"), out);
        assertTrue(out.contains("[RSAKEY] RECEIVE_SIDE = YES (") && out.contains("cost: no forward secrecy"), out);
    }

    @Test
    void anUnknownLineIsUnknownWithTheNearestKnownLines() {
        CliRun r = explain("TxpiInitSSL: bad dh value gremlins");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("Unknown: no cell of this run and no stack profile prints this line."), r.out());
        assertTrue(r.out().contains("Nearest known lines:\n  error:"), r.out());
    }

    /** A line the run never met but a profile prints: the stacks that print it, from the profiles, and exit 0. */
    @Test
    void aLineOnlyAProfileKnowsNamesItsStack() {
        CliRun r = explain("gnutls-cli: *** Fatal error: The Diffie-Hellman prime sent by the server is not acceptable (not long enough).");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("The stack profiles print it when their own rule refuses (profile data, run or not):\n"
                + "  sender gnutls-3.7: check min_bits"), r.out());
        assertTrue(r.out().contains("Not seen in this run: no cell printed it, so no cause or fix is measured."), r.out());
    }

    @Test
    void aFileIsExplainedLineByLineSkippingOrdinaryLines() throws IOException {
        Path log = dir.resolve("customer.log");
        Files.writeString(log, "03:12:08 transfer 4711 started\n" + RECEIVER_LINE + "\n" + RECEIVER_LINE + "\n");
        CliRun r = explain("--file", log.toString());
        assertEquals(0, r.code(), r.all());
        assertEquals(1, r.out().split("\nLine: ", -1).length - 1, "one distinct question: " + r.out());
        assertFalse(r.out().contains("transfer 4711"), r.out());
    }

    @Test
    void binaryEmptyAndHugeFilesAreOneLineAndExitTwo() throws IOException {
        Path bin = dir.resolve("core.bin");
        Files.write(bin, new byte[] {'a', '\n', 0, 1, 2});
        Path empty = dir.resolve("empty.log");
        Files.writeString(empty, "");
        Path huge = dir.resolve("huge.log");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(5L * 1024 * 1024);
        }
        CliRun b = explain("--file", bin.toString());
        assertEquals(2, b.code(), b.all());
        assertEquals(bin + ":2: binary data (a NUL byte at offset 2); expected a text log", b.err().strip());
        CliRun e = explain("--file", empty.toString());
        assertEquals(2, e.code(), e.all());
        assertEquals(empty + ":1: empty; expected the log lines to explain", e.err().strip());
        CliRun h = explain("--file", huge.toString());
        assertEquals(2, h.code(), h.all());
        assertTrue(h.err().strip().matches(java.util.regex.Pattern.quote(huge.toString())
                + ": larger than the 4 MiB explain reads \\(\\d+ bytes\\); expected the part of the log around the failure"),
                h.err());
        assertEquals(1, h.err().strip().lines().count());
    }

    /**
     * The support case's two lines as the customer logged them, in a folder with no run: the verified results shipped
     * in the jar and the profiles answer, and the fixes come in the one ranking, the 2048-bit table first.
     */
    @Test
    void withoutResultsTheCaseIsAnsweredFromTheShippedResultsAndTheBundledLibraryIsNamed() {
        CliRun r = CliRun.of("explain", "--results", dir.resolve("nope.json").toString(), SENDER_TRACE_LINE, RECEIVER_LINE);
        assertEquals(0, r.code(), r.all());
        String out = r.out();
        assertTrue(out.contains("No run at " + dir.resolve("nope.json") + ": looked up in the verified results shipped "
                + "in this jar (" + io.handshakematrix.results.ShippedResults.inJar().cells().size() + " cells of matrix.yaml"), out);
        assertTrue(out.contains("Fixes for this case, best first (one ranking: the same order and peer counts as diagnose;"),
                out);
        assertTrue(out.contains("\n  1. [DH] DH_2048_RECEIVE_SIDE = dh2048.pem (keeps DHE; 6 of 6 current peers accept)\n"),
                out);
        assertTrue(out.contains("Where dh2048.pem comes from: the harness ships it"), out);
        assertTrue(out.contains("Line: error:1408D177:SSL routines:ssl3_get_key_exchange:bad dh g value\n"), out);
        assertTrue(out.contains("sender rhel-7.7: rule g_above_1: the DH generator g is 0 or 1; sends alert 50 (decode_error)"), out);
        assertTrue(out.contains("rule g_below_p_minus_1: the DH generator g is p-1 or larger"), out);
        assertTrue(out.contains("Your logs match ft-bundled-rhel7.7 (file-transfer product bundled TLS library on RHEL 7.7), "
                + "not rhel-7.7, rhel-7.7-fips, rhel-7.7-sha1-sigalgs (RHEL 7.7 system OpenSSL)"), out);
        assertTrue(out.contains("Most likely cause: the sender (ft-bundled-rhel7.7) refused: the DH generator g is 0 or 1"), out);
        assertFalse(out.contains("Unknown"), out);
        assertTrue(out.contains("To verify them against your own receiver and its configssl.cnf: diagnose --config "
                + "configssl.cnf --sender ft-bundled-rhel7.7 --receiver RECEIVER"), out);
    }

    /** The alert line alone: the peer's rules that send alert 40, the product's bundled library first. */
    @Test
    void theAlertLineAloneNamesThePeerRulesThatSendItBundledLibraryFirst() {
        CliRun r = CliRun.of("explain", "--results", dir.resolve("nope.json").toString(), RECEIVER_LINE);
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("profile rules that send it (the product's bundled library first):\n"
                + "  sender ft-bundled-rhel7.7: rule g_above_1"), r.out());
    }

    @Test
    void aFileWithNoTlsLineIsOneLineAndExitTwo() throws IOException {
        Path log = dir.resolve("quiet.log");
        Files.writeString(log, "03:12:08 transfer 4711 started\n03:12:09 transfer 4711 done\n");
        CliRun r = explain("--file", log.toString());
        assertEquals(2, r.code(), r.all());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("no line looks like a TLS error"), r.err());
    }

    /** A product profile whose log-format pattern does not compile: its file:line, the pattern and why, exit 2. */
    @Test
    void aProductLogFormatThatDoesNotCompileIsOneLineWithItsFileAndLine() throws IOException {
        String shipped;
        try (var in = ExplainCommandTest.class.getResourceAsStream("/products/file-transfer.yaml")) {
            shipped = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String broken = shipped.replaceFirst("pattern: 'XCOM\\[A-Z]", "pattern: 'XCOM[A-Z");
        assertFalse(broken.equals(shipped), "the shipped product's first log prefix moved");
        Path product = dir.resolve("broken-product.yaml");
        Files.writeString(product, broken);
        int line = (int) broken.substring(0, broken.indexOf("pattern: 'XCOM[A-Z")).lines().count();
        CliRun r = CliRun.of("explain", "--product", product.toString(), RECEIVER_LINE);
        assertEquals(2, r.code(), r.all());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith(product + ":" + line + ": log_prefixes[0].pattern: expected a regular expression"),
                r.err());
    }

    /**
     * A whole log as one case: the product's own lines (a transfer that "failed") are no TLS question, both TLS lines
     * are explained, and one sentence gives the most likely cause from both together (the bundled library's alert 40).
     */
    @Test
    void aWholeLogIsOneCaseWithOneSentenceForItsMostLikelyCause() throws IOException {
        Path log = dir.resolve("case.log");
        Files.writeString(log, "2026-11-30 03:12:08 transfer 4711 started to host-b\n" + SENDER_TRACE_LINE + "\n"
                + "2026-11-30 03:12:09 transfer 4711 failed, retry in 60 s\n" + RECEIVER_LINE + "\n");
        CliRun r = CliRun.of("explain", "--results", dir.resolve("nope.json").toString(), "--file", log.toString());
        assertEquals(0, r.code(), r.all());
        assertEquals(2, r.out().split("\nLine: ", -1).length - 1, "the two TLS lines: " + r.out());
        assertFalse(r.out().contains("transfer 4711"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("Most likely cause: ")).count(), r.out());
        assertTrue(r.out().contains("\nMost likely cause: the sender (ft-bundled-rhel7.7) refused: the DH generator g is 0 "
                + "or 1 (rule g_above_1, 'bad dh g value'), and sent alert 40 (handshake_failure).\n"), r.out());
    }
}
