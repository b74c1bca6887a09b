package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Image folders describe themselves: every shipped folder reads; one without labels is one line of bad input. */
class ImageFolderTest {
    @Test
    void everyShippedFolderHasItsLabelsAndItsCopiedFiles() throws IOException {
        List<String> names;
        try (Stream<Path> s = Files.list(ShimTier.IMAGES)) {
            names = s.filter(p -> Files.isRegularFile(p.resolve("Dockerfile"))).map(p -> p.getFileName().toString())
                    .sorted().toList();
        }
        assertTrue(names.containsAll(List.of("openssl-1.1.1", "openssl-3.0", "gnutls-3.7", "openssl-1.0-standin",
                "rhel-6.10", "rhel-7.7", "debian-12")), names::toString);
        List<String> index = Files.readAllLines(ShimTier.IMAGES.resolve("index.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (String n : names) {
            ImageFolder f = ShimTier.folder(n, ShimTier.IMAGES);
            assertTrue(!f.speaksShim() || index.contains(n), () -> n + " is not in images/index.txt: `images` would not build it");
            // the same folder as the jar carries it (pom.xml copies images/ into the classpath)
            ImageFolder fromJar = ImageFolder.read(n, ImageBuilder::classpathFile, "images/");
            assertEquals(ImageBuilder.hash(f, "base"), ImageBuilder.hash(fromJar, "base"), n);
            if (f.speaksShim()) {
                assertTrue(f.copied().containsKey("shims/common.sh"), n + " lacks the shared shim part");
                assertFalse(f.roles().isEmpty(), n);
            }
        }
    }

    @Test
    void aFolderWithoutLabelsIsOneLineNamingItsDockerfile() {
        InputError e = assertThrows(InputError.class, () -> ShimTier.folder("no-labels", ShimTier.TEST_IMAGES));
        assertEquals("src/test/resources/images-test/no-labels/Dockerfile:1: no labels file next to this Dockerfile; "
                + "expected src/test/resources/images-test/no-labels/labels with io.handshakematrix.stack, "
                + "io.handshakematrix.library, io.handshakematrix.version, io.handshakematrix.roles, "
                + "io.handshakematrix.shim", e.oneLine());
    }

    @Test
    void anUnknownLabelNamesItsLine() {
        InputError e = assertThrows(InputError.class, () -> ShimTier.folder("unknown-label", ShimTier.TEST_IMAGES));
        assertTrue(e.oneLine().startsWith("src/test/resources/images-test/unknown-label/labels:4: unknown label "
                + "io.handshakematrix.role;"), e.oneLine());
    }

    @Test
    void aChangedFileChangesTheTagHash() {
        ImageFolder f = ShimTier.folder("openssl-3.0", ShimTier.IMAGES);
        ImageFolder changed = new ImageFolder(f.name(), f.dockerfile() + "\n# changed", f.labels(), f.copied(),
                f.labelsFile(), f.from());
        assertFalse(ImageBuilder.hash(f, "base").equals(ImageBuilder.hash(changed, "base")));
        assertFalse(ImageBuilder.hash(f, "base").equals(ImageBuilder.hash(f, "other base")));
    }
}
