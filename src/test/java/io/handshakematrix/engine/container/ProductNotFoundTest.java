package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product whose binary does not exist was reported only as "nobody connected" (a sender) or as a missing ready
 * line (a receiver): the cell's error names the command the shell could not find.
 */
class ProductNotFoundTest {
    @TempDir
    Path dir;

    @Test
    void aMissingBinaryIsCannotStartNotFound() throws IOException {
        Path src = Path.of("examples/product-local");
        try (Stream<Path> s = Files.walk(src)) {
            for (Path p : s.toList()) {
                Path t = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        for (String f : new String[] {"our-client-local.yaml", "our-server-local.yaml"}) {
            Path p = dir.resolve(f);
            Files.writeString(p, Files.readString(p).replace("/usr/bin/openssl", "/no/such/hm-product"));
        }
        for (String m : new String[] {"matrix-client.yaml", "matrix-server.yaml"}) {
            Path out = dir.resolve("out-" + m);
            String only = m.contains("client") ? "--receiver" : "--sender";
            Main.execute("run", "--matrix", dir.resolve(m).toString(), "--out", out.toString(), "--quiet",
                    "--no-allure-report", only, "rhel-6.10", "--timeout", "2");
            JsonNode cells = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("cells");
            assertTrue(cells.size() > 0, m);
            for (JsonNode c : cells) {
                assertTrue(c.toString().contains("cannot start `/no/such/hm-product`: not found"), () -> m + ": " + c);
            }
        }
    }
}
