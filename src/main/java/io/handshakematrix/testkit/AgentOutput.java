package io.handshakematrix.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stack agent's stdout: one JSON line per answer (images/README.md, the shim protocol). A "done" line is a
 * handshake; an "error" line says why there was none (e.g. "cannot connect to receiver 127.0.0.1:1: Connection
 * refused"). Anything else (a JVM warning) is no answer.
 */
final class AgentOutput {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AgentOutput() {}

    static List<Handshake> handshakes(String stdout) {
        List<Handshake> out = new ArrayList<>();
        for (JsonNode n : answers(stdout)) {
            if ("done".equals(n.path("event").asText())) {
                out.add(Handshake.of(n));
            }
        }
        return out;
    }

    /** Why the agent made no handshake: its error answers' reasons, else the last lines it printed. */
    static String reason(String stdout, String stderr) {
        List<String> reasons = answers(stdout).stream().filter(n -> "error".equals(n.path("event").asText()))
                .map(n -> n.path("reason").asText()).toList();
        if (!reasons.isEmpty()) {
            return String.join("; ", reasons);
        }
        List<String> lines = Arrays.stream((stdout + "\n" + stderr).split("\n")).filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "the agent printed nothing"
                : "no answer line; the agent printed: " + String.join(" / ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static List<JsonNode> answers(String stdout) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stdout.split("\n")) {
            if (!line.startsWith("{")) {
                continue;
            }
            try {
                out.add(JSON.readTree(line));
            } catch (IOException notJson) {
                // not an answer line: skipped
            }
        }
        return out;
    }
}
