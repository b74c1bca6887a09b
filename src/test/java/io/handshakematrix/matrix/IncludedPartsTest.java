package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.model.Cell;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.Engines;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped matrix's included files judge their cells as they do loaded alone: the same cells, each with the
 * same rule's verdict (or the same disabled reason). Cells both files cross come in the including file's order. The expansion itself is the committed
 * lock (MatrixLockTest); this checks what the lock cannot show, that including a file changes none of its verdicts.
 */
class IncludedPartsTest {
    private static final MatrixLoader LOADER =
            new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin(), Engines.standard().names());

    @ParameterizedTest
    @ValueSource(strings = {"matrix.yaml", "matrix-wire.yaml"})
    void includedFilesJudgeTheirCellsAsWhenLoadedAlone(String file) {
        Matrix m = LOADER.load(Path.of(file));
        List<Matrix> included = m.parts().subList(1, m.parts().size());
        assertFalse(included.isEmpty(), file + " includes no file");
        for (Matrix part : included) {
            Matrix alone = LOADER.load(Path.of(part.file()));
            List<Cell> judged = m.cells().stream().filter(c -> m.partFor(c).file().equals(part.file())).toList();
            List<Cell> own = alone.cells().stream().filter(c -> alone.partFor(c).file().equals(part.file())).toList();
            assertFalse(own.isEmpty(), part.file() + " judges no cell of its own");
            Set<String> missing = new TreeSet<>(keys(own));
            missing.removeAll(keys(judged));
            Set<String> extra = new TreeSet<>(keys(judged));
            extra.removeAll(keys(own));
            assertEquals(Set.of(), missing, part.file() + "'s own cells it does not judge included in " + file);
            assertEquals(Set.of(), extra, "cells " + part.file() + " judges included in " + file + " but not alone");
            for (Cell c : judged) {
                assertEquals(verdict(alone, c), verdict(m, c), c.key() + ": " + part.file() + " included in " + file);
            }
        }
    }

    private static Set<String> keys(List<Cell> cells) {
        return cells.stream().map(Cell::key).collect(Collectors.toSet());
    }

    /** What decides {@code c}: its disabled reason, or its rule's expected verdict and the rule's place. */
    private static String verdict(Matrix m, Cell c) {
        return m.disabledFor(c).map(d -> "disabled: " + d.reason() + " @ " + d.file() + ":" + d.line())
                .orElseGet(() -> m.expectationFor(c).map(x -> x.describe() + " @ " + x.where()).orElse("none"));
    }
}
