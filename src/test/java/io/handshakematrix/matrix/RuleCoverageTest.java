package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that decides no cell, through include: (the file-local cases are in the bad-input corpus). */
class RuleCoverageTest {
    private static final String MATRIX = """
            product: file-transfer
            axes: {senders: [rhel-7.7], receivers: [rhel-6.10], receive_side: ["YES", "NO"], dh: ["1024"]}
            expect:
              - {why: "%s", outcome: ok}
            """;

    @TempDir
    Path dir;

    @Test
    void aRuleWhoseCellsTheIncludedFileJudgesIsDeadAndNamesThatFilesLine() throws IOException {
        Files.writeString(dir.resolve("part.yaml"), MATRIX.formatted("the part judges its own cells"));
        Path top = dir.resolve("matrix.yaml");
        Files.writeString(top, "include: [part.yaml]\n" + MATRIX.formatted("would judge the part's cells"));
        InputError e = assertThrows(InputError.class,
                () -> new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin()).load(top));
        assertEquals(top + ":5: rule decides no cell; shadowed by " + dir.resolve("part.yaml") + ":4", e.oneLine());
    }

    @Test
    void theSameRuleDecidesCellsTheIncludedFileDoesNotCross() throws IOException {
        Files.writeString(dir.resolve("part.yaml"), MATRIX.formatted("the part judges its own cells"));
        Path top = dir.resolve("matrix.yaml");
        Files.writeString(top, "include: [part.yaml]\n" + MATRIX.replace("dh: [\"1024\"]", "dh: [\"1024\", \"2048\"]")
                .formatted("judges the 2048 cells"));
        Matrix m = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin()).load(top);
        assertEquals(4, m.cells().size());
    }
}
