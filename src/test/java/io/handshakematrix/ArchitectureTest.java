package io.handshakematrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Imports point one way (docs/architecture.md): a class may use its own package and packages of a lower rank only.
 * The ranks are read from the table in docs/architecture.md, so the page and this check are one rule. Every
 * import and every fully qualified name in src/main/java counts, a static import too.
 */
class ArchitectureTest {
    private static final Path DOC = Path.of("docs/architecture.md");
    private static final Path MAIN = Path.of("src/main/java");
    private static final String ROOT = "io.handshakematrix.";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(\\d+)\\s*\\|[^|]*\\|([^|]*)\\|.*$");
    private static final Pattern REFERENCE = Pattern.compile("\\bio\\.handshakematrix\\.((?:[a-z][a-z0-9_]*\\.)*)[A-Z]");

    /** Package (below io.handshakematrix) to rank, from the doc's table. */
    static Map<String, Integer> ranks() throws IOException {
        Map<String, Integer> ranks = new TreeMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                for (String pkg : m.group(2).split(",")) {
                    Integer before = ranks.put(pkg.strip(), Integer.parseInt(m.group(1)));
                    assertEquals(null, before, DOC + " places " + pkg.strip() + " twice");
                }
            }
        }
        assertTrue(ranks.size() > 5, DOC + " has no layer table");
        return ranks;
    }

    /** Every package of src/main/java that holds a class, below io.handshakematrix. */
    static Set<String> mainPackages() throws IOException {
        Set<String> packages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> packages.add(packageOf(f)));
        }
        return packages;
    }

    private static String packageOf(Path javaFile) {
        String dotted = MAIN.relativize(javaFile.getParent()).toString().replace('/', '.').replace('\\', '.');
        return dotted.substring(ROOT.length());
    }

    @Test
    void everyPackageHasExactlyOneLayer() throws IOException {
        Map<String, Integer> ranks = ranks();
        Set<String> packages = mainPackages();
        Set<String> unplaced = new TreeSet<>(packages);
        unplaced.removeAll(ranks.keySet());
        assertEquals(Set.of(), unplaced, "packages missing from the table in " + DOC);
        Set<String> stale = new TreeSet<>(ranks.keySet());
        stale.removeAll(packages);
        assertEquals(Set.of(), stale, "rows of " + DOC + " naming no package of " + MAIN);
    }

    @Test
    void noImportRunsBackUp() throws IOException {
        Map<String, Integer> ranks = ranks();
        List<String> upward = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String from = packageOf(f);
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = REFERENCE.matcher(lines.get(i));
                    while (m.find()) {
                        String to = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                        if (!to.equals(from) && !(ranks.containsKey(to) && ranks.get(to) < ranks.getOrDefault(from, -1))) {
                            upward.add(f + ":" + (i + 1) + ": " + from + " (rank " + ranks.get(from) + ") uses " + to
                                    + " (rank " + ranks.get(to) + ")");
                        }
                    }
                }
            }
        }
        assertEquals("", String.join("\n", upward), "imports that run back up (" + DOC + ")");
    }

    /** Reports read results only: the product's settings and the catalogs are handed to them from above. */
    @Test
    void reportsLoadNoConfiguration() throws IOException {
        Pattern loads = Pattern.compile("\\b(ProductProfiles|ProfileCatalog|DhGroupCatalog)\\b|\\.builtin\\(\\)");
        List<String> found = new ArrayList<>();
        for (String pkg : List.of("results", "explain", "report")) {
            found.addAll(SourceLines.matching(MAIN.resolve("io/handshakematrix").resolve(pkg), loads, f -> false));
        }
        assertEquals("", String.join("\n", found), "reports loading configuration themselves");
    }

    @Test
    void theScanSeesAnUpwardImport() {
        // The check itself: a reference written the way the sources write it is found, with its package.
        Matcher m = REFERENCE.matcher("import static io.handshakematrix.engine.emulated.EmulatedEngine.NAME;");
        assertTrue(m.find());
        assertEquals("engine.emulated.", m.group(1));
        Matcher nested = REFERENCE.matcher("io.handshakematrix.engine.emulated.ServerMisbehaviour.HONEST x");
        assertTrue(nested.find());
        assertEquals("engine.emulated.", nested.group(1));
    }
}
