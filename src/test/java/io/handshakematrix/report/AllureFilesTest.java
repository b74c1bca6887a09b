package io.handshakematrix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.model.CellResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Allure side files: categories sort cells by cause the way Allure applies them (first full match wins). */
class AllureFilesTest {
    @TempDir
    Path dir;

    private String category(JsonNode categories, String status, String message) {
        for (JsonNode c : categories) {
            boolean statusOk = false;
            for (JsonNode s : c.get("matchedStatuses")) {
                statusOk |= s.asText().equals(status);
            }
            if (statusOk && (!c.has("messageRegex") || message.matches(c.get("messageRegex").asText()))) {
                return c.get("name").asText();
            }
        }
        return null;
    }

    @Test
    void categoriesSortByCauseAndDriftToSuccessFirst() throws Exception {
        AllureFiles.write(dir, RunInfo.of("matrix.yaml", java.time.Instant.now(), List.of(), Map.of("rhel-7.7", "openssl-1.0.2k-19.el7")));
        JsonNode cats = new ObjectMapper().readTree(dir.resolve("categories.json").toFile());
        List<CellResult> cells = KbReportsTest.supportCase();
        CellResult gValue = cells.get(2);
        assertEquals("Bad DH parameters", category(cats, "passed", AllureCellText.message(gValue)));

        CellResult driftedToOk = new CellResult(gValue.cell(), "emulated", cells.get(3).result(), gValue.expected(), 131,
                List.of("expected fail (sender, alert 50, 'bad dh g value'), got ok TLSv1.2 DHE-RSA-AES256-SHA DH 1024"));
        assertEquals("Drift: handshake succeeded where matrix.yaml expects a failure",
                category(cats, "failed", AllureCellText.message(driftedToOk)));
        assertEquals("Environment error", category(cats, "broken", "harness: java.net.BindException"));
        assertEquals(null, category(cats, "passed", AllureCellText.message(cells.get(3))), "ok cells stay uncategorised");

        String env = Files.readString(dir.resolve("environment.properties"));
        assertTrue(env.contains("Stack.rhel-7.7=openssl-1.0.2k-19.el7"), env);
        assertTrue(env.contains("JDK="), env);
        assertTrue(Files.readString(dir.resolve("executor.json")).contains("\"type\" : \"maven\""));
    }
}
