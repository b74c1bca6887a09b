package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every malformed file under src/test/resources/bad-input/ goes through the CLI as a user would hand
 * it over, and must be answered with exit code 2 and exactly the one line listed for it in
 * bad-input/expected-messages.txt: file, line, what was expected. configssl.cnf files (config/) reach the
 * harness through a matrix's config: axis.
 */
class BadInputCorpusTest {
    static final Path CORPUS = Path.of("src/test/resources/bad-input");
    private static final List<String> KINDS = List.of("matrix", "profiles", "pem", "config", "policies");

    @TestFactory
    Stream<DynamicTest> eachBadInputIsOneLineAndExitTwo() throws IOException {
        Map<String, String> expected = expectedMessages();
        return inputs().map(f -> dynamicTest(CORPUS.relativize(f).toString(), () -> {
            String name = CORPUS.relativize(f).toString();
            Path tmp = Files.createTempDirectory("bad-input");
            Invocation call = invocation(f, tmp);
            CliRun r = CliRun.of(call.args());
            String line = r.err().strip();
            String want = expected.get(name);
            assertTrue(want != null, "no line for " + name + " in expected-messages.txt; it printed:\n"
                    + name + " => " + call.template(line));
            assertEquals(Main.BAD_INPUT, r.code(), line);
            assertEquals(1, line.lines().count(), "more than one line:\n" + line);
            assertEquals(call.expand(want), line);
        }));
    }

    /** Every listed file exists and the corpus is as large as the issue asks. */
    @Test
    void everyExpectationHasItsFileAndTheCorpusHasAtLeastFifty() throws IOException {
        Map<String, String> expected = expectedMessages();
        for (String name : expected.keySet()) {
            assertTrue(Files.exists(CORPUS.resolve(name)), "listed but missing: " + name);
        }
        assertTrue(inputs().count() >= 50, "corpus has " + inputs().count() + " files");
    }

    private static Stream<Path> inputs() throws IOException {
        return KINDS.stream().flatMap(k -> {
            try {
                return Files.list(CORPUS.resolve(k)).sorted().toList().stream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** How the CLI is given one input; {@code {file}}/{@code {matrix}} stand for the paths it names. */
    private record Invocation(String[] args, String file, String matrix) {
        String expand(String template) {
            return template.replace("{file}", file).replace("{matrix}", matrix == null ? "{matrix}" : matrix)
                    .replace("{corpus}", CORPUS.toAbsolutePath().toString());
        }

        String template(String line) {
            String t = matrix == null ? line : line.replace(matrix, "{matrix}");
            return t.replace(file, "{file}").replace(CORPUS.toAbsolutePath().toString(), "{corpus}");
        }
    }

    private static Invocation invocation(Path input, Path tmp) throws IOException {
        String kind = CORPUS.relativize(input).getName(0).toString();
        String out = tmp.resolve("out").toString();
        switch (kind) {
            case "matrix" -> {
                return new Invocation(new String[] {"run", "--matrix", input.toString(), "--out", out, "--quiet"},
                        input.toString(), null);
            }
            case "profiles" -> {
                // A profile directory holding just this file, as a user's --profiles DIR would.
                Path dir = Files.createDirectories(tmp.resolve("profiles"));
                Path copy = Files.copy(input, dir.resolve(input.getFileName()));
                return new Invocation(new String[] {"profiles", "--profiles", dir.toString()}, copy.toString(), null);
            }
            case "policies" -> {
                // A crypto policy level of a user's profile directory: DIR/policies/<release>/<LEVEL>.yaml.
                Path dir = Files.createDirectories(tmp.resolve("profiles"));
                Path copy = Files.copy(input, Files.createDirectories(dir.resolve("policies/rhel-9"))
                        .resolve(input.getFileName()));
                return new Invocation(new String[] {"profiles", "--profiles", dir.toString()}, copy.toString(), null);
            }
            case "config" -> {
                // A receiver's configssl.cnf is named by a matrix's config: axis.
                String cnf = input.toAbsolutePath().toString();
                Path matrix = tmp.resolve("matrix.yaml");
                Files.writeString(matrix, """
                        product:
                          receive_side: {"YES": [AES256-SHA], "NO": [DHE-RSA-AES256-SHA]}
                        axes:
                          senders: [rhel-7.7]
                          receivers: [rhel-6.10]
                          config: ["%s"]
                        """.formatted(cnf));
                return new Invocation(new String[] {"run", "--matrix", matrix.toString(), "--out", out, "--quiet"},
                        cnf, matrix.toString());
            }
            default -> {
                // A DH parameter file is named by a matrix's dh axis.
                String pem = input.toAbsolutePath().toString();
                Path matrix = tmp.resolve("matrix.yaml");
                Files.writeString(matrix, """
                        product:
                          receive_side: {"NO": [DHE-RSA-AES256-SHA]}
                        axes:
                          senders: [rhel-7.7]
                          receivers: [rhel-6.10]
                          receive_side: ["NO"]
                          dh: ["%s"]
                        """.formatted(pem));
                return new Invocation(new String[] {"run", "--matrix", matrix.toString(), "--out", out, "--quiet"},
                        pem, matrix.toString());
            }
        }
    }

    /** {@code path => line} pairs; '#' starts a comment line. */
    static Map<String, String> expectedMessages() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : Files.readAllLines(CORPUS.resolve("expected-messages.txt"))) {
            if (l.isBlank() || l.startsWith("#")) {
                continue;
            }
            int at = l.indexOf(" => ");
            m.put(l.substring(0, at).strip(), l.substring(at + 4));
        }
        return m;
    }
}
