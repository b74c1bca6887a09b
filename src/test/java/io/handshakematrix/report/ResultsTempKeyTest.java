package io.handshakematrix.report;

import io.handshakematrix.results.ResultsJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ok ECDHE cell names its group in results.json and results.csv ("tempKey": "ECDH, P-256, 256 bits"),
 * and reading results.json back (resume, merge, baseline) keeps it; a cell without one reads back as null.
 */
class ResultsTempKeyTest {
    private static final String KEY = "ECDH, P-256, 256 bits";

    private static CellResult ecdheCell(String tempKey) {
        Cell c = new Cell("rhel-7.7", "openssl-3.0", "NO", "2048", "TLSv1.2", 0);
        HandshakeResult r = HandshakeResult.builder(Outcome.OK)
                .negotiated("TLSv1.2", "ECDHE-RSA-AES256-GCM-SHA384", tempKey).durationMs(12).build();
        return new CellResult(c, "emulated", r, "ok", null, List.of());
    }

    @Test
    void jsonCarriesAndReadsBackTheTempKey() {
        ObjectMapper json = new ObjectMapper();
        CellResult back = ResultsJson.fromJson(json.valueToTree(ResultsJson.cell(ecdheCell(KEY))));
        assertEquals(KEY, back.result().tempKey());
        assertEquals("ok TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384 " + KEY, back.result().summary());
        assertNull(ResultsJson.fromJson(json.valueToTree(ResultsJson.cell(ecdheCell(null)))).result().tempKey());
    }

    /** Through RunReports, as a run writes them (its slim copy for the CSV and KB once dropped the key). */
    @Test
    void csvHasATempKeyColumn(@TempDir Path dir) throws Exception {
        RunReports.writeAll(dir, new java.util.LinkedHashMap<>(), List.of(ecdheCell(KEY)),
                io.handshakematrix.config.ProductProfiles.builtin(), false);
        List<String> lines = Files.readAllLines(dir.resolve("results.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int at = header.indexOf("tempKey");
        assertTrue(at > header.indexOf("dhBits"), "tempKey column after dhBits: " + header);
        assertTrue(lines.get(1).contains("\"" + KEY + "\""), lines.get(1));
    }
}
