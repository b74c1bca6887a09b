package io.handshakematrix.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report-wide files Allure reads from its results directory: categories.json (failures sorted by cause,
 * kept as data in report/allure-categories.json), environment.properties (stack libraries, engines, JDK) and
 * executor.json (who built it). Plain files, so nothing here needs the Allure library.
 */
public final class AllureFiles {
    private AllureFiles() {}

    public static void write(Path resultsDir, Map<String, Object> run) throws IOException {
        Files.createDirectories(resultsDir);
        try (InputStream in = AllureFiles.class.getResourceAsStream("/report/allure-categories.json")) {
            Files.copy(in, resultsDir.resolve("categories.json"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(resultsDir.resolve("environment.properties"), environment(run));
        Files.writeString(resultsDir.resolve("executor.json"), executor());
    }

    static String environment(Map<String, Object> run) {
        StringBuilder sb = new StringBuilder();
        sb.append("JDK=").append(run.get("jdk")).append('\n');
        sb.append("Engines=").append(String.join(", ", strings(run.get("engines")))).append('\n');
        sb.append("Matrix=").append(run.get("matrix")).append('\n');
        if (run.get("profiles") instanceof Map<?, ?> profiles) {
            profiles.forEach((id, lib) -> sb.append("Stack.").append(id).append('=').append(lib).append('\n'));
        }
        sb.append("OS=").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        return sb.toString().replace("\\", "\\\\");
    }

    static String executor() throws IOException {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ci ? "CI (.ci/run: mvn -B verify)" : "local mvn verify");
        m.put("type", "maven");
        m.put("reportName", "handshake-matrix: default matrix");
        m.put("buildName", "mvn verify " + java.time.Instant.now());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    }

    private static List<String> strings(Object o) {
        return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(o));
    }
}
