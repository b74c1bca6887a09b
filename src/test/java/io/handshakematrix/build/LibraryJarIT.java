package io.handshakematrix.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * After package (failsafe): the main artifact holds the harness's own classes only, so that no class reaches a
 * product's classpath twice (once from this jar, once from the dependency its POM names); the self-contained CLI
 * is the other jar, target/handshake-matrix.jar (classifier cli in a Maven repository).
 */
class LibraryJarIT {
    @Test
    void theLibraryJarPackagesNoClassOfADependency() throws IOException {
        Path lib = libraryJar();
        Set<String> own = classes(lib);
        List<String> foreign = own.stream().filter(c -> !c.startsWith("io/handshakematrix/")).limit(10).toList();
        assertEquals(List.of(), foreign, lib + " packages classes that are not the harness's");
        List<String> twice = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (p.toString().endsWith(".jar") && !p.toAbsolutePath().startsWith(Path.of("target").toAbsolutePath())) {
                Set<String> theirs = classes(p);
                theirs.retainAll(own);
                theirs.stream().limit(3).forEach(c -> twice.add(c + " also in " + p.getFileName()));
            }
        }
        assertEquals(List.of(), twice, "classes packaged twice");
    }

    @Test
    void theCliJarRunsOnItsOwn() throws IOException {
        Path cli = Path.of("target", "handshake-matrix.jar");
        assertTrue(Files.isRegularFile(cli), cli + " is missing: the shade plugin writes it at package");
        Set<String> c = classes(cli);
        assertTrue(c.contains("picocli/CommandLine.class") && c.contains("org/slf4j/impl/SimpleLoggerFactory.class")
                && c.contains("io/handshakematrix/cli/Main.class"), cli + " lacks the CLI's libraries");
    }

    /** target/handshake-matrix-VERSION.jar: the one jar in target/ without a classifier. */
    static Path libraryJar() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("target"))) {
            List<Path> jars = s.filter(p -> p.getFileName().toString().matches("handshake-matrix-\\d[^-]*(-SNAPSHOT)?\\.jar"))
                    .toList();
            assertEquals(1, jars.size(), "the library jar in target/: " + jars);
            return jars.get(0);
        }
    }

    private static Set<String> classes(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
