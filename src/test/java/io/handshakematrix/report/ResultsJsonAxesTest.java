package io.handshakematrix.report;

import io.handshakematrix.results.ResultsJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cell's axes beyond the four survive results.json (resume, merge and baselines read cells back from it). */
class ResultsJsonAxesTest {
    @Test
    void anExtraAxisRoundTrips() {
        Cell c = new Cell("rhel-7.7", "rhel-6.10", "NO", "256", "TLSv1.2", 512).with("certificate", "ecdsa");
        CellResult r = new CellResult(c, "emulated", HandshakeResult.builder(Outcome.SKIPPED).detail("test").build(), null, null, List.of());
        ObjectMapper json = new ObjectMapper();
        Cell back = ResultsJson.fromJson(json.valueToTree(ResultsJson.cell(r))).cell();
        assertEquals(c, back);
        assertEquals(c.key(), back.key());
    }
}
