package io.handshakematrix.engine.shim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One answer line of a shim (shim protocol v1, images/README.md): {@code ready}, {@code listening} (a receiver
 * accepts connections), {@code done} (one per handshake: completed, protocol, suite, DH bits, the stack's own
 * error lines in its own words), {@code unsupported} (reserved: the stack cannot take a setting, the cell is
 * skipped with the reason) or {@code error} (the shim itself broke: the cell is an error, never a fail).
 * The verdict's wire facts (alerts, who stopped after which message) are not taken from here: the harness's
 * relay reads them off the bytes. {@code raw} keeps the whole object for shim-specific extras (the child JVM's
 * wire copy).
 */
public record ShimAnswer(String event, Long id, Integer port, boolean completed, String protocol, String suite,
                         Integer dhBits, List<String> errors, String reason, JsonNode raw) {
    public static final String READY = "ready";
    public static final String LISTENING = "listening";
    public static final String DONE = "done";
    public static final String UNSUPPORTED = "unsupported";
    public static final String ERROR = "error";
    /** A one-shot shim's exit code for "cannot take that setting" (BoGo uses 89 for "not implemented"). */
    public static final int EXIT_UNSUPPORTED = 89;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EVENTS = List.of(READY, LISTENING, DONE, UNSUPPORTED, ERROR);

    /** Thrown for a line that is not one JSON answer: the cell it belongs to is an error, nothing else. */
    public static final class NotAnAnswer extends Exception {
        public NotAnAnswer(String message) {
            super(message);
        }
    }

    /** Parses one line; anything but a single JSON object with a known event is {@link NotAnAnswer}. */
    public static ShimAnswer parse(String line) throws NotAnAnswer {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new NotAnAnswer("the shim's answer is not one JSON line: " + abbreviate(line));
        }
        if (n == null || !n.isObject()) {
            throw new NotAnAnswer("the shim's answer is not a JSON object: " + abbreviate(line));
        }
        String event = n.path("event").asText("");
        if (!EVENTS.contains(event)) {
            throw new NotAnAnswer("the shim's answer has no known event (" + String.join(", ", EVENTS) + "): "
                    + abbreviate(line));
        }
        List<String> errors = new ArrayList<>();
        n.path("errors").forEach(e -> errors.add(e.asText()));
        return new ShimAnswer(event, n.hasNonNull("id") ? n.get("id").asLong() : null,
                n.hasNonNull("port") ? n.get("port").asInt() : null, n.path("completed").asBoolean(false),
                text(n, "protocol"), text(n, "suite"), n.hasNonNull("dh_bits") ? n.get("dh_bits").asInt() : null,
                List.copyOf(errors), text(n, "reason"), n);
    }

    /** The answer of a one-shot shim: exactly one JSON line on stdout after any {@code listening} line. */
    public static ShimAnswer last(String stdout) throws NotAnAnswer {
        List<String> lines = stdout.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new NotAnAnswer("the shim printed no answer");
        }
        ShimAnswer a = parse(lines.get(lines.size() - 1));
        for (String l : lines.subList(0, lines.size() - 1)) {
            if (!parse(l).event().equals(LISTENING)) {
                throw new NotAnAnswer("the shim printed more than one answer: " + abbreviate(l));
            }
        }
        return a;
    }

    public static ObjectNode done(long id, boolean completed, String protocol, String suite, Integer dhBits,
                                  List<String> errors) {
        ObjectNode n = JSON.createObjectNode().put("id", id).put("event", DONE).put("completed", completed);
        n.put("protocol", protocol).put("suite", suite);
        if (dhBits == null) {
            n.putNull("dh_bits");
        } else {
            n.put("dh_bits", dhBits);
        }
        ArrayNode e = n.putArray("errors");
        errors.forEach(e::add);
        return n;
    }

    public static ObjectNode event(long id, String event, String reason) {
        return JSON.createObjectNode().put("id", id).put("event", event).put("reason", reason);
    }

    public boolean is(String e) {
        return event.equals(e);
    }

    private static String text(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.get(k).asText() : null;
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\p{Cntrl}", " ");
        return one.length() > 120 ? one.substring(0, 120) + "..." : one;
    }
}
