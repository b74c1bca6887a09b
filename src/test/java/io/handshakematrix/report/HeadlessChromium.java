package io.handshakematrix.report;

import io.handshakematrix.TestEnvironment;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's Chromium run headless as a plain process: --dump-dom prints the DOM after the page's scripts ran,
 * --screenshot writes a PNG. No driver and no download (Selenium would add a driver layer for two calls).
 * The flags keep Chromium off the network: this machine allows only 127.0.0.1.
 */
final class HeadlessChromium {
    private static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");
    private final Path binary;

    private HeadlessChromium(Path binary) {
        this.binary = binary;
    }

    /** Skips the test where Chromium is absent on a developer machine; in CI (.ci/run installs it) that is a failure. */
    static HeadlessChromium requireInstalled() {
        String env = System.getenv("CHROMIUM");
        Path bin = env != null ? Path.of(env) : DEFAULT_BINARY;
        if (!Files.isExecutable(bin)) {
            TestEnvironment.require(false,
                    () -> "Chromium not installed at " + bin + " (apt-get install --no-install-recommends chromium)");
        }
        return new HeadlessChromium(bin);
    }

    String dumpDom(String url, int virtualTimeMs) throws IOException, InterruptedException {
        return new String(run(List.of("--virtual-time-budget=" + virtualTimeMs, "--dump-dom", url)), StandardCharsets.UTF_8);
    }

    void screenshot(String url, Path png, int virtualTimeMs) throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        run(List.of("--virtual-time-budget=" + virtualTimeMs, "--window-size=1280,900",
                "--screenshot=" + png.toAbsolutePath(), url));
        if (!Files.isRegularFile(png) || Files.size(png) == 0) {
            fail("Chromium wrote no screenshot to " + png);
        }
    }

    private byte[] run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Path out = Files.createTempFile("chromium", ".out");
        Path err = Files.createTempFile("chromium", ".err");
        List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // Generous: a 15 MB single-file Allure report on a shared 2-core machine. Not a speed check.
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("Chromium did not finish in 300 s: " + String.join(" ", cmd));
            }
            if (p.exitValue() != 0) {
                fail("Chromium exited " + p.exitValue() + ": " + Files.readString(err).lines().reduce((a, b) -> b).orElse(""));
            }
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
