package io.handshakematrix.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit entry point on two real cells (rhel-7.7 -> rhel-6.10, RECEIVE_SIDE YES and NO, DH 2048, in process):
 * the tree is setting > pair > cell; an as-expected cell passes, a differing one fails with the DIFFERS line;
 * the reports land where the test says; a bad file fails with its one line and no stack trace.
 */
class HandshakeMatrixTest {
    private static final Path DIR = Path.of("src/test/resources/junit");

    @Test
    void everyCellIsOneTestGroupedBySettingThenPair(@TempDir Path out) throws Throwable {
        Map<String, DynamicTest> tree = flatten(HandshakeMatrix.from(DIR.resolve("as-expected.yaml")).reportsTo(out)
                .renderAllure(false).tests().toList(), "");
        assertEquals(List.of(
                "/RECEIVE_SIDE=YES/rhel-7.7 -> rhel-6.10/rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=YES | DH 2048 | TLSv1.2",
                "/RECEIVE_SIDE=NO/rhel-7.7 -> rhel-6.10/rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 2048 | TLSv1.2"),
                List.copyOf(tree.keySet()));
        for (DynamicTest t : tree.values()) {
            t.getExecutable().execute(); // as expected: passes
        }
        assertTrue(Files.isRegularFile(out.resolve("results.json")));
        assertTrue(Files.isRegularFile(out.resolve("kb.md")));
        try (Stream<Path> s = Files.list(out.resolve("allure-results"))) {
            assertEquals(2, s.filter(p -> p.toString().endsWith("-result.json")).count(), "one Allure test per cell");
        }
    }

    @Test
    void aDifferingCellFailsWithItsDiffersLine(@TempDir Path out) {
        List<DynamicTest> cells = List.copyOf(flatten(HandshakeMatrix.from(DIR.resolve("one-differs.yaml"))
                .reportsTo(out).renderAllure(false).tests().toList(), "").values());
        assertEquals(2, cells.size());
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> cells.get(1).getExecutable().execute());
        assertTrue(e.getMessage().startsWith("DIFFERS  rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 2048 | TLSv1.2"
                + "  [matrix line 14]\n"), e.getMessage());
        assertTrue(e.getMessage().contains("got"), e.getMessage());
    }

    @Test
    void aMissingFileFailsTheContainerWithOneLine() {
        MatrixFileError e = assertThrows(MatrixFileError.class, () -> HandshakeMatrix.from("no/such/matrix.yaml").tests());
        assertTrue(e.getMessage().startsWith("no/such/matrix.yaml: no such matrix file"), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "a line, not a stack trace");
    }

    @Test
    void aMalformedFileFailsTheContainerWithItsFileAndLine() {
        MatrixFileError e = assertThrows(MatrixFileError.class,
                () -> HandshakeMatrix.from(DIR.resolve("malformed.yaml")).tests());
        assertTrue(e.getMessage().startsWith(DIR.resolve("malformed.yaml") + ":4: "), e.getMessage());
        assertEquals(0, e.getStackTrace().length);
    }

    /** Each test under its path of display names ("/setting/pair/cell"), in order; every stream read once. */
    private static Map<String, DynamicTest> flatten(List<? extends DynamicNode> nodes, String path) {
        Map<String, DynamicTest> out = new LinkedHashMap<>();
        for (DynamicNode n : nodes) {
            String here = path + "/" + n.getDisplayName();
            if (n instanceof DynamicTest t) {
                out.put(here, t);
            } else {
                out.putAll(flatten(((DynamicContainer) n).getChildren().toList(), here));
            }
        }
        return out;
    }
}
