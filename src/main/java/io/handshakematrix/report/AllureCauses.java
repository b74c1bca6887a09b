package io.handshakematrix.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a cell did not handshake, by cause (DH group too small, bad generator, ...), from the causes in
 * report/allure-causes.json: tried in order, the first whose status and stack match and that names the rule the
 * failing side reported (or, for a side that named none, whose error-text pattern matches) is the cause. A passed cell has none. The cause is what the Allure categories sort on.
 */
public final class AllureCauses {
    /**
     * One cause; a null pattern matches anything. {@code rules}: the profile rule ids it names (null: none), read
     * first, and {@code alerts}: the alert codes that name it whatever the rule (a FIPS module's refusal is
     * insufficient_security); its {@code text} pattern reads the error lines only of a side that named no rule (a
     * real stack whose lines no single rule of its profile prints, a results.json from before sides reported rules).
     */
    public record Cause(String name, String description, List<String> statuses, Pattern stack, List<String> rules,
                        List<Integer> alerts, Pattern text, String outcome) {
        boolean matches(String status, CellResult r) {
            HandshakeResult h = r.result();
            return statuses.contains(status)
                    && (outcome == null || outcome.equals(h.outcome().label()))
                    && (stack == null || stack.matcher(failingStack(r)).find())
                    && why(h);
        }

        private boolean why(HandshakeResult h) {
            String rule = failingRule(h);
            if (rule != null) {
                if (rules == null && alerts == null) {
                    return text == null;
                }
                return (rules != null && rules.contains(rule))
                        || (alerts != null && h.alert() != null && alerts.contains(h.alert().code()));
            }
            return text == null || text.matcher(failingText(h)).find();
        }
    }

    private static final List<Cause> RULES = load();

    private AllureCauses() {}

    public static List<Cause> all() {
        return RULES;
    }

    /** The cause of a cell with this Allure status; null for a passed cell. */
    public static Cause of(String status, CellResult r) {
        for (Cause c : RULES) {
            if (c.matches(status, r)) {
                return c;
            }
        }
        return null;
    }

    /** The stack that gave up (a stack refusing is what "failed" means); empty when no side did. */
    static String failingStack(CellResult r) {
        Side s = r.result().failedSide();
        return s == null ? "" : s == Side.SENDER ? AllureCellText.sender(r.cell()) : AllureCellText.receiver(r.cell());
    }

    /** The rule the side that gave up reported; null when no side did, or it named none. */
    static String failingRule(HandshakeResult h) {
        Side s = h.failedSide();
        return s == null ? null : (s == Side.SENDER ? h.senderTrace() : h.receiverTrace()).rule();
    }

    /** The failing side's error lines, else the alert and the harness's detail. */
    private static String failingText(HandshakeResult h) {
        List<String> lines = h.failedSide() == Side.RECEIVER ? h.receiverErrors() : h.senderErrors();
        StringBuilder sb = new StringBuilder(String.join("\n", lines == null ? List.of() : lines));
        if (h.alert() != null) {
            sb.append('\n').append(h.alert().name());
        }
        if (h.detail() != null && h.outcome() != Outcome.OK) {
            sb.append('\n').append(h.detail());
        }
        return sb.toString();
    }

    private static List<Cause> load() {
        try (InputStream in = AllureCauses.class.getResourceAsStream("/report/allure-causes.json")) {
            List<Cause> rules = new ArrayList<>();
            for (JsonNode n : new ObjectMapper().readTree(in)) {
                List<String> statuses = new ArrayList<>();
                n.path("statuses").forEach(s -> statuses.add(s.asText()));
                List<String> ids = n.has("rules") ? new ArrayList<>() : null;
                n.path("rules").forEach(id -> ids.add(id.asText()));
                List<Integer> alerts = n.has("alerts") ? new ArrayList<>() : null;
                n.path("alerts").forEach(code -> alerts.add(code.asInt()));
                rules.add(new Cause(n.path("name").asText(), n.path("description").asText(), List.copyOf(statuses),
                        pattern(n, "stack"), ids == null ? null : List.copyOf(ids),
                        alerts == null ? null : List.copyOf(alerts), pattern(n, "text"),
                        n.hasNonNull("outcome") ? n.get("outcome").asText() : null));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("report/allure-causes.json is part of the jar", e);
        }
    }

    private static Pattern pattern(JsonNode n, String field) {
        return n.hasNonNull(field) ? Pattern.compile(n.get(field).asText(), Pattern.CASE_INSENSITIVE) : null;
    }
}
