package io.handshakematrix.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Exactly one production class decides a cell's outcome (after OpenSSL ssl_test.c's single check): a scan of the main
 * sources for every place a handshake result is made. Only {@link Verdicts} may make one with an outcome of its
 * choosing; the results reader rebuilds stored ones with the outcome it read, never a literal.
 */
class OneVerdictTest {
    private static final Path MAIN = Path.of("src/main/java");
    /** A result made: the record's constructor or its builder. */
    private static final Pattern MADE = Pattern.compile("new HandshakeResult\\(|HandshakeResult\\.builder\\(([^)]*)\\)");

    @Test
    void onlyVerdictsChoosesAnOutcome() throws IOException {
        Map<String, List<String>> sites = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = MADE.matcher(Files.readString(f));
                while (m.find()) {
                    sites.computeIfAbsent(f.getFileName().toString(), k -> new java.util.ArrayList<>())
                            .add(m.group(1) == null ? "new" : m.group(1));
                }
            }
        }
        // the record builds itself from its builder; the results reader rebuilds what a run stored
        assertEquals(List.of("new"), sites.remove("HandshakeResult.java").stream().distinct().toList());
        List<String> read = sites.remove("ResultsJson.java");
        assertTrue(read != null && read.stream().allMatch(s -> s.startsWith("Outcome.parse(")),
                "ResultsJson only reads outcomes: " + read);
        List<String> decided = sites.remove("Verdicts.java");
        assertTrue(decided != null && decided.stream().allMatch(s -> s.startsWith("Outcome.")), String.valueOf(decided));
        assertEquals(Map.of(), sites, "only Verdicts may decide an outcome; these classes make results too");
    }

    @Test
    void noOutcomeIsToldApartByItsWords() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                // the old marks: a skip carried as a harness error's prefix, a run cut short as a timeout's
                assertTrue(!text.contains("\"unsupported setting: \"") && !text.contains("\"not run: the run timeout"),
                        f + " marks an outcome with a string prefix");
            }
        }
    }
}
