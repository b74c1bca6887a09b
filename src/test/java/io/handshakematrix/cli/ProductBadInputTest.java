package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A matrix naming a product stack whose file has an unknown placeholder: one line with file and line, exit 2. */
class ProductBadInputTest {
    @Test
    void runStopsWithTheProductFilesLine() {
        CliRun r = CliRun.of("run", "--matrix", "src/test/resources/bad-input/product/matrix-unknown-placeholder.yaml",
                "--out", "target/product-bad-input", "--quiet");
        assertEquals(2, r.code(), r::all);
        assertTrue(r.err().contains("unknown-placeholder.yaml:4: unknown placeholder {prot} in sender.command"), r::err);
    }
}
