package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixLoaderTest {
    private static final String HEAD = """
            product:
              receive_side:
                "YES": [AES256-SHA]
                "NO": [DHE-RSA-AES256-SHA]
            """;
    private static final String AXES = """
            axes:
              senders: [rhel-7.7]
              receivers: [rhel-6.10]
              receive_side: ["YES", "NO"]
              dh: ["256", "1024"]
            """;

    @TempDir
    Path dir;

    private final MatrixLoader loader = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin());

    private InputError fails(String yaml) throws IOException {
        Path f = dir.resolve("matrix.yaml");
        Files.writeString(f, yaml);
        return assertThrows(InputError.class, () -> loader.load(f));
    }

    @Test
    void unknownStackNamesFileLineAndChoices() throws IOException {
        InputError e = fails(HEAD + AXES.replace("receivers: [rhel-6.10]", "receivers: [rhel-6.11]"));
        assertEquals(7, e.line());
        // The choices are every shipped stack; other tiers add theirs, so only the RHEL run of them is pinned.
        String line = e.oneLine();
        assertTrue(line.startsWith(dir.resolve("matrix.yaml") + ":7: unknown stack 'rhel-6.11' in axes.receivers[0]; "
                + "expected one of "), line);
        assertTrue(line.endsWith("rhel-6-pre-logjam, rhel-6.10, rhel-6.10-fips, rhel-7.7, rhel-7.7-fips, rhel-7.7-sha1-sigalgs, rhel-8.10, "
                + "rhel-9.4 (or add profiles/rhel-6.11.yaml)"), line);
    }

    @Test
    void unknownKeyIsRejected() throws IOException {
        InputError e = fails(HEAD + AXES + "expect:\n  - outcome: ok\n    ciphr: AES256-SHA\n");
        assertEquals(12, e.line());
        assertEquals("unknown key 'ciphr' in expect[0]; expected one of alert, check, cipher, dh_bits, failed_side, outcome, "
                + "protocol, receiver_error, sender_error, stopped_after, when, why", e.getMessage());
    }

    @Test
    void badDhSizeIsRejected() throws IOException {
        InputError e = fails(HEAD + AXES.replace("dh: [\"256\", \"1024\"]", "dh: [\"256\", \"1023\"]"));
        assertEquals(9, e.line());
        assertEquals("unknown DH group '1023' in axes.dh[1]; expected one of 256, 512, 768, 1024, 2048, 4096, "
                + "256-g1, 256-g-pm1, 1024-g-pm1, 1024-composite, 1024-even, ffdhe2048, 2048-dhparam, default, or a PEM file path", e.getMessage());
    }

    @Test
    void lastMatchingRuleWins() throws IOException {
        Path f = dir.resolve("matrix.yaml");
        Files.writeString(f, HEAD + AXES + """
                expect:
                  - why: "general"
                    outcome: ok
                  - why: "the exception, after it"
                    when: {receive_side: "NO", dh: "2*"}
                    outcome: fail
                """);
        Matrix m = loader.load(f);
        assertEquals(4, m.cells().size());
        assertEquals(Outcome.FAIL, m.expectationFor(new Cell("rhel-7.7", "rhel-6.10", "NO", "256", "TLSv1.2", 0))
                .orElseThrow().outcome());
        assertEquals(Outcome.OK, m.expectationFor(new Cell("rhel-7.7", "rhel-6.10", "YES", "256", "TLSv1.2", 0))
                .orElseThrow().outcome());
    }

    @Test
    void duplicateKeyIsRejected() throws IOException {
        InputError e = fails(HEAD + AXES + "axes:\n  senders: [rhel-7.7]\n");
        assertEquals(10, e.line());
        assertEquals("duplicate key 'axes' at top level (first at line 5)", e.getMessage());
    }

    @Test
    void yamlSyntaxErrorHasALine() throws IOException {
        InputError e = fails(HEAD + "axes: [unclosed\n");
        assertEquals(6, e.line());
    }

    @Test
    void includedMatrixKeepsItsOwnRules() throws IOException {
        Files.writeString(dir.resolve("part.yaml"), HEAD + """
                axes: {senders: [rhel-6.10], receivers: [rhel-7.7, rhel-6.10], receive_side: ["NO"], dh: ["256"]}
                expect:
                  - why: "the part's own rule"
                    outcome: timeout
                """);
        Path f = dir.resolve("matrix.yaml");
        Files.writeString(f, "include: [part.yaml]\n" + HEAD + AXES + "expect:\n  - why: \"this file's rule\"\n    outcome: ok\n");
        Matrix m = loader.load(f);
        assertEquals(6, m.cells().size());
        Cell own = new Cell("rhel-7.7", "rhel-6.10", "NO", "256", "TLSv1.2", 0);
        Cell included = new Cell("rhel-6.10", "rhel-7.7", "NO", "256", "TLSv1.2", 0);
        assertEquals(Outcome.OK, m.expectationFor(own).orElseThrow().outcome());
        assertEquals(Outcome.TIMEOUT, m.expectationFor(included).orElseThrow().outcome());
        assertEquals(dir.resolve("part.yaml").toString(), m.partFor(included).file());
    }

    @Test
    void includeCycleAndOtherProductAreRejected() throws IOException {
        Path f = dir.resolve("matrix.yaml");
        Files.writeString(dir.resolve("part.yaml"), "include: [matrix.yaml]\n" + HEAD + AXES);
        Files.writeString(f, "include: [part.yaml]\n" + HEAD + AXES);
        InputError cycle = assertThrows(InputError.class, () -> loader.load(f));
        assertEquals(dir.resolve("part.yaml") + ":1: include[0]: matrix.yaml includes itself (through part.yaml); "
                + "expected a matrix file not already being read", cycle.oneLine());

        Files.writeString(dir.resolve("part.yaml"), HEAD.replace("[AES256-SHA]", "[AES128-SHA]") + AXES);
        InputError product = assertThrows(InputError.class, () -> loader.load(f));
        assertEquals(f + ":1: include[0]: part.yaml gives RECEIVE_SIDE other suites than this file; expected the same "
                + "product settings in every included matrix", product.oneLine());
    }
}
