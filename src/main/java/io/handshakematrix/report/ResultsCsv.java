package io.handshakematrix.report;

import io.handshakematrix.results.ResultsJson;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.handshakematrix.model.CellResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * reports/results.csv: one row per cell with the same field names as results.json, for spreadsheets and
 * scripts. The alert is flattened into three columns; multi-line error texts stay exact (quoted newlines).
 */
public final class ResultsCsv {
    private ResultsCsv() {}

    static final List<String> COLUMNS = List.of("sender", "receiver", "receiveSide", "dhGroup", "protocol",
            "senderMinDhBits", "engine", "outcome", "expected", "matches", "cipher", "negotiatedProtocol", "dhBits",
            "tempKey", "failedSide", "stoppedAfter", "alertCode", "alertName", "alertSentBy", "senderError",
            "receiverError", "detail", "durationMs", "differences", "senderRule", "receiverRule");

    public static void write(Path file, List<CellResult> results) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CellResult r : results) {
            rows.add(row(r));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        new CsvMapper().writerFor(List.class).with(schema.build()).writeValue(tmp.toFile(), rows);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, Object> row(CellResult r) {
        Map<String, Object> json = ResultsJson.cell(r);
        Map<String, Object> row = new LinkedHashMap<>();
        for (String c : COLUMNS) {
            row.put(c, json.get(c));
        }
        if (r.result().alert() != null) {
            row.put("alertCode", r.result().alert().code());
            row.put("alertName", r.result().alert().name());
            row.put("alertSentBy", r.result().alert().sentBy().label());
        }
        row.put("differences", String.join("\n", r.differences()));
        return row;
    }
}
