package io.handshakematrix.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.yaml.ChildProcesses;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * OUT/allure/index.html, the single-file compatibility report, generated from OUT/allure-results by the
 * Allure command line (the allure-commandline zip the build unpacks into target/allure-cli/, or
 * $ALLURE_HOME). The history of the previous report in OUT/allure/history/ goes into the results first, so
 * the trend carries on. The single file has no history folder: its history files are embedded in it
 * (base64, as {@code d('history/NAME','...')} in Allure 2.34), and are taken from there into
 * OUT/allure/history/ for the next run; should a later Allure embed them otherwise, a second, multi-file
 * generation provides them (twice the time). The command line runs as a child JVM: it is a program with its
 * own classpath, not a library of the harness.
 */
public final class AllureReport {
    private static final String MAIN = "io.qameta.allure.CommandLine";
    private static final Pattern EMBEDDED_HISTORY = Pattern.compile("d\\('history/([a-z-]+\\.json)','([A-Za-z0-9+/=]*)'\\)");

    private AllureReport() {}

    /** The trend's next build number: one more than the previous report's newest. */
    static int nextBuildOrder(Path reportDir) {
        Path trend = reportDir.resolve("history").resolve("history-trend.json");
        int max = 0;
        if (Files.isRegularFile(trend)) {
            try {
                for (JsonNode n : new ObjectMapper().readTree(trend.toFile())) {
                    max = Math.max(max, n.path("buildOrder").asInt(0));
                }
            } catch (IOException e) {
                // an unreadable trend starts a new one
            }
        }
        String ci = System.getenv("GITHUB_RUN_NUMBER");
        return ci != null && ci.matches("\\d{1,9}") ? Math.max(Integer.parseInt(ci), max + 1) : max + 1;
    }

    /** Where the Allure command line is; empty with the places looked at in {@code whyNot}. */
    static Optional<Path> commandLine(StringBuilder whyNot) {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("ALLURE_HOME");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        Path target = codeSourceDir();
        candidates.addAll(unpacked(target.resolve("allure-cli")));
        candidates.addAll(unpacked(Path.of("target", "allure-cli")));
        for (Path home : candidates) {
            if (Files.isDirectory(home.resolve("lib"))) {
                return Optional.of(home);
            }
        }
        whyNot.append("no Allure command line (looked at $ALLURE_HOME, ").append(target.resolve("allure-cli"))
                .append(", target/allure-cli; 'mvn package' unpacks it)");
        return Optional.empty();
    }

    /**
     * Generates {@code reportDir}/index.html from {@code resultsDir}; a message when it could not (no command
     * line, the generator failed), empty on success. The generator's own output goes to {@code log}.
     */
    public static Optional<String> generate(Path resultsDir, Path reportDir, Path log) throws IOException,
            InterruptedException {
        StringBuilder why = new StringBuilder();
        Optional<Path> home = commandLine(why);
        if (home.isEmpty()) {
            return Optional.of(why.toString());
        }
        Files.deleteIfExists(log);
        copyTree(reportDir.resolve("history"), resultsDir.resolve("history"));
        // removed at the end, and by ChildProcesses' hook should SIGTERM end the run while the renderer works
        Path work = ChildProcesses.registerStaging(Files.createTempDirectory(reportDir.toAbsolutePath().getParent(),
                ".allure-"));
        try {
            Path single = work.resolve("single");
            Optional<String> failed = run(home.get(), log, resultsDir, single, "--single-file");
            if (failed.isPresent()) {
                return failed;
            }
            Path history = work.resolve("history");
            if (!embeddedHistory(single.resolve("index.html"), history)) {
                Path multi = work.resolve("multi");
                failed = run(home.get(), log, resultsDir, multi);
                if (failed.isPresent()) {
                    return failed;
                }
                history = multi.resolve("history");
            }
            AllureResults.deleteTree(reportDir);
            Files.createDirectories(reportDir);
            Files.move(single.resolve("index.html"), reportDir.resolve("index.html"), StandardCopyOption.REPLACE_EXISTING);
            copyTree(history, reportDir.resolve("history"));
            return Optional.empty();
        } finally {
            AllureResults.deleteTree(work);
            ChildProcesses.forgetStaging(work);
        }
    }

    /** Writes the history files embedded in a single-file report into {@code dir}; false if it has none. */
    static boolean embeddedHistory(Path index, Path dir) throws IOException {
        Matcher m = EMBEDDED_HISTORY.matcher(Files.readString(index));
        boolean any = false;
        while (m.find()) {
            Files.createDirectories(dir);
            Files.write(dir.resolve(m.group(1)), Base64.getDecoder().decode(m.group(2)));
            any |= m.group(1).equals("history.json");
        }
        return any;
    }

    private static Optional<String> run(Path home, Path log, Path results, Path out, String... extra) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xss2m", "-classpath",
                home.resolve("lib") + File.separator + "*" + File.pathSeparator + home.resolve("lib").resolve("config"),
                MAIN, "generate", results.toAbsolutePath().toString(), "-o", out.toAbsolutePath().toString(), "--clean"));
        cmd.addAll(List.of(extra));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put("APP_HOME", home.toString());
            Process p = ChildProcesses.register(pb.start()); // ended with the run, on SIGTERM too
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                ChildProcesses.end(p, 1000);
                return Optional.of("the Allure generator did not finish in 10 minutes (see " + log + ")");
            }
            return p.exitValue() == 0 ? Optional.empty()
                    : Optional.of("the Allure generator exited " + p.exitValue() + " (see " + log + ")");
        } catch (IOException e) {
            return Optional.of("cannot start the Allure generator: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while generating the Allure report");
        }
    }

    private static List<Path> unpacked(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("allure-")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** target/ when running from target/classes or target/handshake-matrix.jar: the build's output folder. */
    private static Path codeSourceDir() {
        try {
            return Path.of(AllureReport.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(from)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
