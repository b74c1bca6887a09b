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
 * Why a cell did not handshake, by cause (DH group too small, bad generator, ...), from the rules in
 * report/allure-causes.json: tried in order, the first whose status, stack and error-text patterns match
 * names the cause. A passed cell has none. The cause is what the Allure categories sort on.
 */
public final class AllureCauses {
    /** One rule; a null pattern matches anything. */
    public record Cause(String name, String description, List<String> statuses, Pattern stack, Pattern text,
                        String outcome) {
        boolean matches(String status, CellResult r) {
            HandshakeResult h = r.result();
            return statuses.contains(status)
                    && (outcome == null || outcome.equals(h.outcome().label()))
                    && (stack == null || stack.matcher(failingStack(r)).find())
                    && (text == null || text.matcher(failingText(h)).find());
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
                rules.add(new Cause(n.path("name").asText(), n.path("description").asText(), List.copyOf(statuses),
                        pattern(n, "stack"), pattern(n, "text"), n.hasNonNull("outcome") ? n.get("outcome").asText() : null));
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
