package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;

/**
 * A product named by an image tag (image: TAG) rather than an image folder (build: FOLDER): a tag that is neither
 * local nor pullable is bad input, one line with the product file's line, exit 2, before any cell runs; a tag that
 * exists runs the cells in it; the system property overrides the file's tag (CI testing the image it just built).
 */
class ProductImageTagTest {
    /** The Debian 12 image the example product's folder builds FROM: OpenSSL 3.0's s_client stands in for it. */
    private static final String DEBIAN_12 = "handshake-matrix/debian-12:bookworm";
    /** A registry on a closed loopback port: the pull is refused at once, with no network needed. */
    private static final String UNPULLABLE = "127.0.0.1:1/no-such/our-client:5.2.0";

    @Test
    void aTagThatCannotBePulledIsOneLineWithItsFileAndLine(@TempDir Path dir) throws IOException {
        TestEnvironment.require(docker(), () -> "no Docker engine answers (see .ci/run)");
        Path product = place(dir, UNPULLABLE);
        CliRun r = CliRun.of("run", "--matrix", dir.resolve("matrix.yaml").toString(), "--out",
                dir.resolve("out").toString(), "--quiet");
        assertEquals(Main.BAD_INPUT, r.code(), r::all);
        String line = r.err().strip();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith(product.toAbsolutePath() + ":4: image '" + UNPULLABLE
                + "' is not in the local Docker engine and cannot be pulled ("), line);
        assertTrue(Files.notExists(dir.resolve("out").resolve("results.json")), "no cell ran");
    }

    @Test
    void anExistingTagRunsTheCellsAndThePropertyOverridesTheFilesTag(@TempDir Path dir) throws IOException {
        TestEnvironment.require(docker() && DockerClientFactory.instance().client().listImagesCmd()
                .withImageNameFilter(DEBIAN_12).exec().size() > 0, () -> DEBIAN_12 + " is not built (images/build.sh)");
        place(dir, UNPULLABLE);
        String prop = "handshake.product.our-client.image";
        System.setProperty(prop, DEBIAN_12);
        try {
            CliRun r = CliRun.of("run", "--matrix", dir.resolve("matrix.yaml").toString(), "--out",
                    dir.resolve("out").toString(), "--quiet", "--no-allure-report");
            assertEquals(Main.OK, r.code(), r::all);
            assertTrue(r.out().contains("1 cells: 1 ok"), r::all);
        } finally {
            System.clearProperty(prop);
        }
    }

    /** our-client (examples/product) with its image given as {@code tag}, and a one-cell matrix: it against rhel-6.10. */
    private static Path place(Path dir, String tag) throws IOException {
        Path product = dir.resolve("our-client.yaml");
        Files.writeString(product, Files.readString(Path.of("examples/product/our-client.yaml"))
                .replaceFirst("(?m)^(image|build): .*$", "image: " + tag)
                .replaceAll("(?m)^#.*\\n", "")); // no comment lines: id, description, source, then image on line 4
        Files.createDirectories(dir.resolve("profiles"));
        Files.copy(Path.of("examples/product/profiles/our-client.yaml"), dir.resolve("profiles/our-client.yaml"));
        Files.writeString(dir.resolve("matrix.yaml"), """
                profiles: profiles
                product:
                  receive_side: {"YES": [AES256-SHA]}
                axes:
                  senders: [our-client@product]
                  receivers: [rhel-6.10]
                  receive_side: ["YES"]
                  dh: ["1024"]
                expect:
                  - why: "RSA key exchange: no DH group is sent; SECLEVEL 1 takes AES256-SHA (matrix-containers.yaml)"
                    outcome: ok
                """);
        return product;
    }

    private static boolean docker() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
