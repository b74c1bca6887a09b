package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ping, diagnose and dh inspect end to end: output a person reads, exit codes, one-line input errors. */
class DiagnoseCommandsTest {
    @TempDir
    Path dir;

    @Test
    void pingPrintsTheTranscriptAndTheTempKey() {
        CliRun r = CliRun.of("ping", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--receive-side", "NO", "--dh", "1024");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains(">>> TLS 1.0 Handshake [length 011c], ClientHello"), r.out());
        assertTrue(r.out().contains("<<< TLS 1.2 Handshake [length 0004], ServerHelloDone"), r.out());
        assertTrue(r.out().contains("Protocol  : TLSv1.2\nCipher    : DHE-RSA-AES256-SHA\nServer Temp Key: DH, 1024 bits"),
                r.out());
        assertFalse(r.out().contains("    16 03"), "no bytes without --hex");
    }

    @Test
    void pingHexShowsRecordBytes() {
        CliRun r = CliRun.of("ping", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--receive-side", "YES",
                "--dh", "256", "--hex", "--no-diagnose");
        assertEquals(0, r.code(), r.all());
        // the ClientHello's handshake header: type 1, then a 3-byte length
        assertTrue(r.out().contains("ClientHello\n    01 00 01 18 03 03 "), r.out());
        assertTrue(r.out().contains("Cipher    : AES256-SHA"), r.out());
        assertFalse(r.out().contains("Server Temp Key"), "no DH with RSA key exchange");
    }

    @Test
    void pingOfTheSupportCaseFailsWithAlertBothSidesAndTheFix() {
        CliRun r = CliRun.of("ping", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--receive-side", "NO", "--dh", "256-g1");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains(">>> TLS 1.2 Alert [length 0002], fatal decode_error (50)"), r.out());
        assertTrue(r.out().contains("Handshake failed: the sender gave up after ServerKeyExchange, alert decode_error (50) sent by the sender"), r.out());
        assertTrue(r.out().contains("sender errors:\n  error:1408D177:SSL routines:ssl3_get_key_exchange:bad dh g value"), r.out());
        assertTrue(r.out().contains("receiver errors:\n  error:1409441A:SSL routines:SSL3_READ_BYTES:tlsv1 alert decode error"), r.out());
        assertTrue(r.out().contains("[ok]   set [DH] DH_1024_RECEIVE_SIDE = dh1024.pem (receiver configssl.cnf) -> ok, TLSv1.2 DHE-RSA-AES256-SHA, DH 1024"), r.out());
    }

    @Test
    void aRhel9ClientAnswersAReceiverThatRefusedItsGroupWithAlert50() {
        // real 3.0.20 s_client sends decode_error after 'unexpected eof while reading'; 1.1.1w sends none
        // (docs/stacks.md 'Policy twins')
        CliRun r = CliRun.of("ping", "--sender", "rhel-9.4", "--receiver", "rhel-9.4", "--receive-side", "NO", "--dh", "1024",
                "--protocol", "TLSv1.2");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains(">>> TLS 1.2 Alert [length 0002], fatal decode_error (50)"), r.out());
        assertTrue(r.out().contains("Handshake failed: the receiver gave up, alert decode_error (50) sent by the sender"), r.out());
        r = CliRun.of("ping", "--sender", "rhel-8.10", "--receiver", "rhel-9.4", "--receive-side", "NO", "--dh", "1024",
                "--protocol", "TLSv1.2");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("Handshake failed: the receiver gave up, no alert"), r.out());
    }

    @Test
    void aFutureReceiverRefusesItsOwnRsa2048CertificateAtStart() {
        // real 1.1.1w / 3.0.20 s_server under the RHEL 8/9 FUTURE configs (docs/stacks.md 'Policy twins')
        CliRun r = CliRun.of("ping", "--sender", "rhel-7.7", "--receiver", "rhel-9.4", "--receiver-policy", "FUTURE",
                "--receive-side", "YES");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("Rule that fired: rsa_bits_below (the receiver's profile)"), r.out());
        assertTrue(r.out().contains("receiver errors:\n  error:0A00018F:SSL routines:SSL_CTX_use_certificate:ee key too small"), r.out());
        assertTrue(r.out().contains("cannot use its own RSA certificate (2048 bits, as every receiver here): rule rsa_bits_below 3072"), r.out());
    }

    @Test
    void diagnoseTheSampleConfigExplainsEachSender() {
        CliRun r = CliRun.of("diagnose", "--config", "examples/configssl.cnf", "--sender", "rhel-7.7,rhel-6.10",
                "--receiver", "rhel-6.10");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("no [DH] table names a file: the internal program table (256-g1"), r.out());
        assertTrue(r.out().contains("rule g_above_1 requires g > 1"), r.out());
        assertTrue(r.out().contains("rule min_bits requires p of at least 1024 bits"), r.out());
        assertTrue(r.out().contains("[ok]   set [RSAKEY] RECEIVE_SIDE = YES (receiver configssl.cnf) -> ok, TLSv1.2 AES256-SHA"), r.out());
    }

    @Test
    void diagnoseTheFixedConfigPasses() {
        CliRun r = CliRun.of("diagnose", "--config", "examples/configssl-fixed.cnf", "--sender", "rhel-7.7",
                "--receiver", "rhel-6.10");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("Result: ok TLSv1.2 DHE-RSA-AES256-SHA DH 1024"), r.out());
    }

    @Test
    void diagnoseNewerSenderNeeds2048() {
        CliRun r = CliRun.of("diagnose", "--config", "examples/configssl.cnf", "--sender", "newer-2048",
                "--receiver", "rhel-6.10", "--profiles", "src/test/resources/newer-profiles");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("[fail] set [DH] DH_1024_RECEIVE_SIDE = dh1024.pem"), r.out());
        assertTrue(r.out().contains("[ok]   set [DH] DH_2048_RECEIVE_SIDE = dh2048.pem (receiver configssl.cnf) -> ok, TLSv1.2 DHE-RSA-AES256-SHA, DH 2048"), r.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path cfg = dir.resolve("configssl.cnf");
        Files.writeString(cfg, "[RSAKEY]\nRECEIVE_SIDE = SOMETIMES\n");
        CliRun r = CliRun.of("diagnose", "--config", cfg.toString(), "--sender", "rhel-7.7", "--receiver", "rhel-6.10");
        assertEquals(2, r.code());
        assertEquals(cfg + ":2: RECEIVE_SIDE: expected YES or NO, found 'SOMETIMES'", r.err().strip());

        r = CliRun.of("ping", "--sender", "rhel-9", "--receiver", "rhel-6.10");
        assertEquals(2, r.code());
        assertTrue(r.err().strip().startsWith("--sender: unknown stack 'rhel-9'; expected one of"), r.err());

        r = CliRun.of("ping", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--dh", "dh-nope.pem");
        assertEquals(2, r.code());
        assertEquals("dh-nope.pem: DH parameter file not found; expected a PKCS#3 PEM file there", r.err().strip());

        r = CliRun.of("ping", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--config", "examples/configssl.cnf", "--dh", "1024");
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void dhInspectJudgesTheGroupPerProfile() {
        CliRun r = CliRun.of("dh", "inspect", "256-g1");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("256-g1: DH parameters, 256 bits"), r.out());
        assertTrue(r.out().contains("p: odd, prime, safe prime"), r.out());
        assertTrue(r.out().contains("g: 1, NOT in range 1 < g < p-1"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  rhel-7\\.7 +refuses: g_above_1 at server_key_exchange, alert decode_error \\(50\\): .*bad dh g value.*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  rhel-6\\.10 +refuses: min_bits .*dh key too small.*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  rhel-6-pre-logjam +refuses: ys_in_range at client_key_exchange, no alert: .*")), r.out());
    }

    @Test
    void dhInspectFileShowsEvenAndCompositePrimes() {
        CliRun r = CliRun.of("dh", "inspect", "src/main/resources/dh/dh1024-even.pem");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("p: EVEN, NOT prime"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  rhel-7\\.7 +cannot serve it: p_even -> close_no_alert.*")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  rhel-6\\.10 +cannot serve it: p_even -> drop_dhe")), r.out());
        r = CliRun.of("dh", "inspect", "src/main/resources/dh/dh1024-composite.pem");
        assertTrue(r.out().contains("p: odd, NOT prime"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("  rhel-7\\.7 +accepts")), r.out());
    }

    @Test
    void dhInspectBadFilesExitTwo() throws IOException {
        CliRun r = CliRun.of("dh", "inspect", dir.resolve("none.pem").toString());
        assertEquals(2, r.code());
        assertEquals(dir.resolve("none.pem") + ": DH parameter file not found; expected a PKCS#3 PEM file there", r.err().strip());
        Path cert = dir.resolve("key.pem");
        Files.writeString(cert, "# a key\n-----BEGIN PRIVATE KEY-----\nMAA=\n-----END PRIVATE KEY-----\n");
        r = CliRun.of("dh", "inspect", cert.toString());
        assertEquals(2, r.code());
        assertEquals(cert + ":2: PEM block is 'PRIVATE KEY'; expected 'DH PARAMETERS' (PKCS#3)", r.err().strip());
        Path junk = dir.resolve("junk.pem");
        Files.writeString(junk, "hello\n");
        r = CliRun.of("dh", "inspect", junk.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().strip().startsWith(junk + ": no PEM block found"), r.err());
    }

    @Test
    void runDiagnoseExplainsFailedCells() throws IOException {
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "product:\n  receive_side: {\"YES\": [AES256-SHA], \"NO\": [DHE-RSA-AES256-SHA]}\n"
                + "axes:\n  senders: [rhel-7.7]\n  receivers: [rhel-6.10]\n  receive_side: [\"NO\"]\n  dh: [256-g1]\n"
                + "expect:\n  - why: \"the support case\"\n    outcome: fail\n");
        CliRun r = CliRun.of("run", "--matrix", m.toString(), "--out", dir.toString(), "--quiet", "--diagnose");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("FAILED   rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256-g1 | TLSv1.2: fail sender: bad dh g value (alert 50)"), r.out());
        assertTrue(r.out().contains("[ok]   set [DH] DH_1024_RECEIVE_SIDE = dh1024.pem"), r.out());
    }

    /**
     * A product file whose RECEIVE_SIDE value enables no suite is refused before any handshake, even for the other
     * value: run, its cells would all end in "no shared cipher", blamed on the receiving stack.
     */
    @Test
    void aProductFileWhoseReceiveSideEnablesNoSuiteIsRefused(@TempDir Path dir) throws IOException {
        Path product = dir.resolve("product.yaml");
        String shipped = Files.readString(Path.of("src/main/resources/products/file-transfer.yaml"));
        String broken = shipped.replace("    \"NO\": [DHE-RSA-AES256-SHA]\n", "    \"NO\": []\n");
        assertTrue(!broken.equals(shipped), "the shipped product no longer lists NO as expected");
        Files.writeString(product, broken);
        int line = broken.substring(0, broken.indexOf("\"NO\": []")).split("\n", -1).length;
        CliRun r = CliRun.of("ping", "--sender", "rhel-7.7", "--receiver", "rhel-6.10", "--receive-side", "YES",
                "--dh", "1024", "--product", product.toString());
        assertEquals(2, r.code(), r.all());
        assertEquals(product + ":" + line + ": receive_side.values.NO: enables no cipher suite; expected at least one "
                + "OpenSSL suite name (e.g. AES256-SHA) for this RECEIVE_SIDE value", r.err().strip());
        assertTrue(r.out().isEmpty(), "no handshake may run: " + r.out());
    }

    /**
     * The customer's two lines: they match the product's bundled library (alert 40), not the system OpenSSL
     * (alert 50); diagnose says so and runs the bundled library as the sender, which reproduces the receiver's line.
     */
    @Test
    void theCustomersLinesNameTheBundledLibraryAndItIsRun() {
        CliRun r = CliRun.of("diagnose", "--config", "examples/configssl.cnf", "--sender", "rhel-7.7", "--receiver",
                "rhel-6.10", "--log", "E -catoossl.c(2899): Txpi  308: TxpiInitSSL Failed msg = <error:1408D177:SSL "
                        + "routines:ssl3_get_key_exchange:bad dh g value> value = 4294967295",
                "--log", "XCOMU0780E Txpi 308: TxpiInitSSL Failed msg = <error:14094410:SSL routines:SSL3_READ_BYTES:"
                        + "sslv3 alert handshake failure:s3_pkt.c:1275:SSL alert number 40>");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().startsWith("Your logs match ft-bundled-rhel7.7 (file-transfer product bundled TLS library on "
                + "RHEL 7.7), not rhel-7.7"), r.out());
        assertTrue(r.out().contains("== ft-bundled-rhel7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256-g1 | TLSv1.2\n"
                + "Result: fail sender: bad dh g value (alert 40)"), r.out());
        assertTrue(r.out().contains("SSL alert number 40"), r.out());
    }

    /** A commented-out [DH] line is noticed; the fix's file says where it comes from. */
    @Test
    void aCommentedOutDhLineAndTheFixFilesOrigin(@TempDir Path dir) throws IOException {
        Path cnf = dir.resolve("configssl.cnf");
        Files.writeString(cnf, "[RSAKEY]\nRECEIVE_SIDE = NO\n[DH]\n#DH_1024_RECEIVE_SIDE = dh1024.pem\n");
        CliRun r = CliRun.of("diagnose", "--config", cnf.toString(), "--sender", "rhel-7.7", "--receiver", "rhel-6.10");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("Your file has '#DH_1024_RECEIVE_SIDE = dh1024.pem' commented out (line 4)"), r.out());
        assertTrue(r.out().contains("    [DH]\n    DH_2048_RECEIVE_SIDE = dh2048.pem\n"), r.out());
        assertTrue(r.out().contains("the harness ships it (RFC 3526 group 14"), r.out());
        assertTrue(r.out().contains("'openssl dhparam -out dh2048.pem 2048'"), r.out());
    }
}
