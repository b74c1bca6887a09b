package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every malformed product file (bad-input/product/*.yaml, its line in expected-messages.txt) reaches the CLI as
 * a product team's matrix names it: ID.yaml next to profiles/ID.yaml, the product as a receiver if the file has a
 * receiver block, else as a sender. Each must stop the run with exactly its one line and exit 2.
 */
class ProductBadInputTest {
    private static final Path PRODUCTS = BadInputCorpusTest.CORPUS.resolve("product");
    private static final Path TWIN = Path.of("examples/product/profiles/our-client.yaml");

    @TestFactory
    Stream<DynamicTest> eachBadProductFileIsOneLineAndExitTwo() throws IOException {
        Map<String, String> expected = BadInputCorpusTest.expectedMessages();
        try (Stream<Path> files = Files.list(PRODUCTS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")
                            && !f.getFileName().toString().startsWith("matrix-")).sorted().toList().stream()
                    .map(f -> dynamicTest(f.getFileName().toString(), () -> {
                        String name = BadInputCorpusTest.CORPUS.relativize(f).toString();
                        String want = expected.get(name);
                        assertTrue(want != null, "no line for " + name + " in expected-messages.txt");
                        Path dir = Files.createTempDirectory("bad-product");
                        Path copy = place(f, dir);
                        CliRun r = CliRun.of("run", "--matrix", dir.resolve("matrix.yaml").toString(), "--out",
                                dir.resolve("out").toString(), "--quiet");
                        String line = r.err().strip();
                        assertEquals(Main.BAD_INPUT, r.code(), r::all);
                        assertEquals(1, line.lines().count(), "more than one line:\n" + line);
                        assertEquals(want.replace("{file}", copy.toAbsolutePath().toString()), line);
                    }));
        }
    }

    /** The product file as ID.yaml beside profiles/ID.yaml (a twin) and a one-cell matrix naming ID@product. */
    private static Path place(Path product, Path dir) throws IOException {
        String id = product.getFileName().toString().replaceFirst("\\.yaml$", "");
        Path copy = Files.copy(product, dir.resolve(id + ".yaml"));
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles").resolve(id + ".yaml"),
                Files.readString(TWIN).replaceFirst("(?m)^id: our-client$", "id: " + id));
        boolean receiver = Files.readString(product).contains("\nreceiver:");
        Files.writeString(dir.resolve("matrix.yaml"), """
                profiles: profiles
                product:
                  receive_side: {"NO": [DHE-RSA-AES256-SHA]}
                axes:
                  senders: [%s]
                  receivers: [%s]
                  receive_side: ["NO"]
                  dh: ["1024"]
                expect:
                  - why: "never reached: the product file is refused first"
                    outcome: ok
                """.formatted(receiver ? "rhel-7.7" : id + "@product", receiver ? id + "@product" : "rhel-6.10"));
        return copy;
    }

    /** The corpus's own matrix naming a bad product file, as a user would run it. */
    @Test
    void runStopsWithTheProductFilesLine() {
        CliRun r = CliRun.of("run", "--matrix", "src/test/resources/bad-input/product/matrix-unknown-placeholder.yaml",
                "--out", "target/product-bad-input", "--quiet");
        assertEquals(2, r.code(), r::all);
        assertTrue(r.err().contains("unknown-placeholder.yaml:4: unknown placeholder {prot} in sender.command"), r::err);
    }
}
