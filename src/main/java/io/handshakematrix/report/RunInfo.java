package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The "run" object of results.json (also the Allure environment): what ran, on which engines and JDK, when. */
public final class RunInfo {
    private RunInfo() {}

    /** {@code libraries}: stack profile id -> the TLS library it stands for. */
    public static Map<String, Object> of(String matrix, Instant started, List<CellResult> results,
                                         Map<String, String> libraries) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("matrix", matrix);
        run.put("engines", results.stream().map(CellResult::engine).distinct().toList());
        run.put("started", started.toString());
        run.put("durationMs", Duration.between(started, Instant.now()).toMillis());
        run.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        run.put("profiles", libraries);
        return run;
    }
}
