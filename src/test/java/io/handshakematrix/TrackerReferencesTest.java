package io.handshakematrix;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No tracker reference ("issue" and a number) in the repository's code, tests, data, YAML, pom, scripts or docs:
 * the tracker those numbers point into is not in the repository, so a reader meets a number where the reason
 * belongs. Write the reason instead (the RFC, the real run, the bound it keeps).
 */
class TrackerReferencesTest {
    /** The word issue or issues, then a number (after a '#' or not), whatever the case. */
    private static final Pattern REFERENCE = Pattern.compile("(?i)\\bissues?\\s+#?\\d+");
    private static final List<String> TREES = List.of("src", "images", "examples", "docs", ".ci");

    private static List<Path> scanned() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("pom.xml")));
        try (Stream<Path> top = Files.list(Path.of("."))) {
            top.filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|lock)$")).forEach(files::add);
        }
        for (String tree : TREES) {
            try (Stream<Path> s = Files.walk(Path.of(tree))) {
                s.filter(Files::isRegularFile).forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void noFileNamesATrackerNumberInsteadOfTheReason() throws IOException {
        List<String> found = new ArrayList<>();
        List<Path> files = scanned();
        for (Path f : files) {
            // ISO-8859-1 reads every byte: the bad-input corpus holds invalid UTF-8 on purpose
            String[] lines = Files.readString(f, StandardCharsets.ISO_8859_1).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = REFERENCE.matcher(lines[i]);
                if (m.find()) {
                    found.add(f + ":" + (i + 1) + ": '" + m.group() + "': say the reason instead");
                }
            }
        }
        assertTrue(files.size() > 300, "scanned the repository: " + files.size() + " files");
        assertTrue(found.isEmpty(), String.join("\n", found));
    }
}
