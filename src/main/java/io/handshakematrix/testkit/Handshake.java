package io.handshakematrix.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One handshake a {@link StackContainer} saw, as its emulated stack saw it: whether it completed, protocol,
 * suite and DH bits, whether this stack gave up itself, the alerts it sent and received, the id of its profile's
 * rule that fired ({@code g_above_1}; null for none), and its error lines, exactly as the real stack prints them (e.g. {@code ...:ssl3_get_key_exchange:bad dh g value:s3_clnt.c:1774:}).
 */
public record Handshake(boolean completed, String protocol, String suite, Integer dhBits, boolean gaveUp,
                        Integer alertSent, Integer alertReceived, List<String> errors, String rule, String peer) {

    static Handshake of(JsonNode n) {
        List<String> errors = new ArrayList<>();
        n.path("errors").forEach(e -> errors.add(e.asText()));
        return new Handshake(n.path("completed").asBoolean(), text(n, "protocol"), text(n, "suite"),
                n.hasNonNull("dh_bits") ? n.get("dh_bits").asInt() : null, n.path("gave_up").asBoolean(),
                n.hasNonNull("alert_sent") ? n.get("alert_sent").asInt() : null,
                n.hasNonNull("alert_received") ? n.get("alert_received").asInt() : null, List.copyOf(errors),
                text(n, "rule"), text(n, "peer"));
    }

    /** True when one of this stack's error lines contains {@code text} ("bad dh g value"). */
    public boolean printed(String text) {
        return errors.stream().anyMatch(e -> e.contains(text));
    }

    private static String text(JsonNode n, String k) {
        return n.hasNonNull(k) ? n.get(k).asText() : null;
    }
}
