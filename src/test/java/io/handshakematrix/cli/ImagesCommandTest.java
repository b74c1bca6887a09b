package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** `images --check DIR`: every shipped folder reads; a folder without labels is one line and exit 2. */
class ImagesCommandTest {
    @Test
    void shippedFoldersRead() {
        CliRun r = CliRun.of("images", "--check", "images");
        assertEquals(0, r.code(), r::all);
        assertTrue(r.out().contains("openssl-3.0: openssl-3.0 (openssl 3.0), roles sender,receiver, shim 1"), r::out);
    }

    @Test
    void aFolderWithoutLabelsIsExitTwoWithFileAndLine() {
        CliRun r = CliRun.of("images", "--check", "src/test/resources/images-test");
        assertEquals(2, r.code(), r::all);
        assertTrue(r.err().startsWith("src/test/resources/images-test/no-labels/Dockerfile:1: no labels file next to "
                + "this Dockerfile"), r::err);
        assertEquals(1, r.err().strip().lines().count(), r::err);
    }
}
