package io.handshakematrix.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.handshakematrix.model.Outcome;
import java.util.List;
import java.util.Set;

/**
 * What a cell object of results.json (or a journal line) must hold before it is believed: the five text axes,
 * a known outcome, and well-typed optional fields. Checked where a file is read (a baseline, a shard, a
 * journal), so a file of the wrong shape is refused with its line before any cell runs, instead of giving blank
 * "GONE" lines or a stack trace at the end of the run.
 */
public final class CellShape {
    private static final List<String> TEXT_AXES = List.of("sender", "receiver", "receiveSide", "dhGroup", "protocol");
    private static final Set<String> SIDES = Set.of("sender", "receiver");

    private CellShape() {}

    /** Null if {@code n} is a well-formed cell, else what is wrong, phrased as "expected ...". */
    public static String problem(JsonNode n) {
        if (n == null || !n.isObject()) {
            return "expected a cell object {\"sender\": ..., \"outcome\": ...}";
        }
        for (String f : TEXT_AXES) {
            if (!n.path(f).isTextual() || n.path(f).asText().isBlank()) {
                return "cell lacks \"" + f + "\"; expected a text value";
            }
        }
        if (!n.path("outcome").isTextual() || Outcome.parse(n.path("outcome").asText()) == null) {
            return "cell \"outcome\" is " + shown(n.path("outcome")) + "; expected one of ok, fail, error, timeout, skipped";
        }
        if (n.has("senderMinDhBits") && !n.path("senderMinDhBits").isInt()) {
            return "cell \"senderMinDhBits\" is " + shown(n.path("senderMinDhBits")) + "; expected an integer";
        }
        if (!nullOr(n, "failedSide", SIDES)) {
            return "cell \"failedSide\" is " + shown(n.path("failedSide")) + "; expected sender, receiver or null";
        }
        JsonNode a = n.path("alert");
        if (!a.isMissingNode() && !a.isNull() && !(a.isObject() && a.path("code").isInt()
                && a.path("sentBy").isTextual() && SIDES.contains(a.path("sentBy").asText()))) {
            return "cell \"alert\" is malformed; expected null or {\"code\": N, \"name\": ..., \"sentBy\": sender|receiver}";
        }
        if (n.has("dhBits") && !n.path("dhBits").isNull() && !n.path("dhBits").isInt()) {
            return "cell \"dhBits\" is " + shown(n.path("dhBits")) + "; expected an integer or null";
        }
        for (String list : List.of("transcript", "differences")) {
            if (n.has(list) && !n.path(list).isNull() && !n.path(list).isArray()) {
                return "cell \"" + list + "\" is " + shown(n.path(list)) + "; expected a list";
            }
        }
        return null;
    }

    private static boolean nullOr(JsonNode n, String field, Set<String> allowed) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() || (v.isTextual() && allowed.contains(v.asText()));
    }

    private static String shown(JsonNode v) {
        return v.isMissingNode() ? "missing" : "'" + io.handshakematrix.yaml.ValueText.cut(v.toString()) + "'";
    }
}
