package io.handshakematrix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README.md is the front page: short enough to read before the first command (at most 10 KB), and the way into
 * every page of docs/, each linked by its path, so that no page is written for nobody to find.
 */
class FrontPageTest {
    private static final Path README = Path.of("README.md");

    @Test
    void theReadmeStaysAFrontPage() throws IOException {
        long size = Files.size(README);
        assertTrue(size <= 10 * 1024, "README.md is " + size + " bytes; at most 10240: move detail into docs/");
    }

    @Test
    void theReadmeLinksEveryDocsPage() throws IOException {
        String readme = Files.readString(README);
        List<String> unlinked;
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            unlinked = docs.map(p -> "docs/" + p.getFileName()).filter(p -> p.endsWith(".md"))
                    .filter(p -> !readme.contains("(" + p + ")")).sorted().toList();
        }
        assertTrue(unlinked.isEmpty(), "README.md does not link " + unlinked);
    }
}
