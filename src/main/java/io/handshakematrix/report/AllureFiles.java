package io.handshakematrix.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The report-wide files Allure reads from its results directory: categories.json (first one category per
 * kind of drift from matrix.yaml, then the causes of report/allure-causes.json), environment.properties
 * (stacks with their library builds, engines, harness version, how many combinations handshake) and
 * executor.json (the CI build, so the trend has a build number and a link).
 */
public final class AllureFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * Allure's trees sort groups by lower-cased name, code unit by code unit, whatever the sorter: a drift
     * category starts with "!" so that it comes before every cause (letters).
     */
    static final String DRIFT_MARK = "! ";
    private static final List<String> ALL_STATUSES = List.of("failed", "broken", "passed", "skipped");

    private AllureFiles() {}

    public static void write(Path resultsDir, Map<String, Object> run, List<CellResult> cells, int buildOrder)
            throws IOException {
        Files.createDirectories(resultsDir);
        Files.writeString(resultsDir.resolve("categories.json"), JSON.writeValueAsString(categories(cells)));
        Files.writeString(resultsDir.resolve("environment.properties"), environment(run, cells));
        long ok = cells.stream().filter(r -> r.result().outcome() == Outcome.OK).count();
        Files.writeString(resultsDir.resolve("executor.json"), JSON.writeValueAsString(executor(buildOrder,
                "handshake-matrix: " + ok + " of " + cells.size() + " combinations handshake")));
    }

    /**
     * Each message starts with its category's name (the drift line, or the cause), and each regex matches
     * only that start, so a cell lands in exactly one category (Allure adds a result to every match).
     */
    static List<Map<String, Object>> categories(List<CellResult> cells) {
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> drifts = new LinkedHashSet<>();
        for (CellResult r : cells) {
            String d = AllureCellText.driftLine(r);
            if (d != null) {
                drifts.add(d);
            }
        }
        for (String d : drifts) {
            out.add(category(DRIFT_MARK + d, d, "The handshake did not do what matrix.yaml expects: the build fails on it. "
                    + "Either the stack changed (a finding) or matrix.yaml is out of date.", ALL_STATUSES));
        }
        for (AllureCauses.Cause c : AllureCauses.all()) {
            out.add(category(c.name(), c.name(), c.description(), c.statuses()));
        }
        return out;
    }

    private static Map<String, Object> category(String name, String firstLine, String description, List<String> statuses) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("description", description);
        m.put("matchedStatuses", statuses);
        m.put("messageRegex", "(?s)" + Pattern.quote(firstLine) + "(:|\\n|$).*");
        return m;
    }

    static String environment(Map<String, Object> run, List<CellResult> cells) {
        long ok = cells.stream().filter(r -> r.result().outcome() == Outcome.OK).count();
        long differ = cells.stream().filter(r -> !r.matches()).count();
        StringBuilder sb = new StringBuilder();
        sb.append("Combinations.that.handshake=").append(ok).append(" of ").append(cells.size()).append(" cells\n");
        sb.append("Cells.differing.from.matrix.yaml=").append(differ).append('\n');
        sb.append("Harness=handshake-matrix ").append(harnessVersion()).append('\n');
        sb.append("Matrix=").append(run.get("matrix")).append('\n');
        sb.append("Engines=").append(String.join(", ", strings(run.get("engines")))).append('\n');
        sb.append("JDK=").append(run.get("jdk")).append('\n');
        if (run.get("profiles") instanceof Map<?, ?> profiles) {
            profiles.forEach((id, lib) -> sb.append("Stack.").append(id).append('=').append(lib).append('\n'));
        }
        sb.append("OS=").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        return sb.toString().replace("\\", "\\\\");
    }

    /** The pom's version, put into report/harness.properties by the build. */
    static String harnessVersion() {
        try (var in = AllureFiles.class.getResourceAsStream("/report/harness.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown (not built by Maven)");
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * GitHub Actions' run when there is one, else CI=true, else a local build; {@code buildOrder} orders the
     * trend; {@code reportName} is the Overview's title.
     */
    static Map<String, Object> executor(int buildOrder, String reportName) {
        Map<String, String> env = System.getenv();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("buildOrder", buildOrder);
        m.put("reportName", reportName); // the Overview's title: how many combinations handshake
        if (env.containsKey("GITHUB_RUN_ID")) {
            String repo = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/" + env.get("GITHUB_REPOSITORY");
            m.put("name", "GitHub Actions");
            m.put("type", "github");
            m.put("url", repo);
            m.put("buildName", env.getOrDefault("GITHUB_WORKFLOW", "CI") + " #" + env.getOrDefault("GITHUB_RUN_NUMBER", "?"));
            m.put("buildUrl", repo + "/actions/runs/" + env.get("GITHUB_RUN_ID"));
        } else if ("true".equalsIgnoreCase(env.get("CI"))) {
            m.put("name", "CI");
            m.put("type", "ci");
            m.put("buildName", "CI build " + buildOrder);
        } else {
            m.put("name", "local");
            m.put("type", "local");
            m.put("buildName", "local build " + buildOrder);
        }
        return m;
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(o));
    }
}
