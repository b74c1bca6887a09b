package io.handshakematrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Java example in the README, docs/ and the examples' READMEs compiles against the harness as it is: each
 * ```java block is a whole source file (imports included), so a reader can copy it as it stands and a renamed
 * method breaks this build, not the reader's.
 */
class DocsJavaExamplesTest {
    private static final Pattern BLOCK = Pattern.compile("(?s)```java\\n(.*?)```");
    private static final Pattern CLASS = Pattern.compile("(?m)^(?:public )?(?:final )?class (\\w+)");

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompiles() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path doc : pages()) {
            Matcher m = BLOCK.matcher(Files.readString(doc));
            int n = 0;
            while (m.find()) {
                String source = m.group(1);
                int line = (int) Files.readString(doc).substring(0, m.start()).lines().count() + 1;
                tests.add(dynamicTest(doc + ":" + line + " (block " + ++n + ")", () -> compiles(doc, line, source)));
            }
        }
        assertTrue(tests.size() >= 3, "docs/product-teams.md alone has three Java examples; found " + tests.size());
        return tests.stream();
    }

    private static void compiles(Path doc, int line, String source) throws IOException {
        Matcher c = CLASS.matcher(source);
        assertTrue(c.find(), doc + ":" + line + ": a Java example is a whole file with its class");
        Path dir = Files.createTempDirectory("doc-example");
        Path file = dir.resolve(c.group(1) + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null, List.of("-proc:none", "-d", dir.resolve("classes").toString(),
                "-cp", System.getProperty("java.class.path")), null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
        assertEquals("", ok ? "" : out.toString(), doc + ":" + line + ": the example does not compile");
    }

    private static List<Path> pages() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        try (Stream<Path> ex = Files.walk(Path.of("examples"), 2)) {
            ex.filter(p -> p.getFileName().toString().equals("README.md")).sorted().forEach(out::add);
        }
        return out;
    }
}
