package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * matrix-wire.yaml (the wire-faithful receiver settings as matrix axes, each added as data): the emulated RHEL
 * receivers serve their own DEFAULT list with an RSA or an ECDSA P-256 certificate, and the product's settings on an
 * ECDSA receiver. Every cell is a real handshake; the run must match every expectation the file writes down.
 */
class WireMatrixTest {
    @TempDir
    Path out;

    @Test
    void everyCellOfTheWireMatrixIsAsExpected() throws Exception {
        CliRun r = CliRun.of("run", "--matrix", "matrix-wire.yaml", "--out", out.toString(), "--quiet",
                "--no-allure-report");
        assertEquals(0, r.code(), r.all());
        JsonNode cells = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("cells");
        assertEquals(16, cells.size());
        int ecdheEcdsa = 0;
        int noSharedCipher = 0;
        for (JsonNode c : cells) {
            String cipher = c.path("cipher").asText();
            if (cipher.equals("ECDHE-ECDSA-AES256-GCM-SHA384")) {
                ecdheEcdsa++;
            }
            if (c.path("outcome").asText().equals("fail") && c.path("receiverError").asText().contains("no shared cipher")) {
                noSharedCipher++;
            }
        }
        assertEquals(4, ecdheEcdsa, r.all());       // DEFAULT list, ECDSA certificate, 2 x 2 RHEL pairs
        assertEquals(8, noSharedCipher, r.all());   // product settings (AES256-SHA, DHE-RSA-AES256-SHA), ECDSA key
    }
}
