package io.handshakematrix.matrix;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.OpensslErrorLine;
import io.handshakematrix.profile.ErrorMap;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.model.TlsAlerts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One rule of matrix.yaml's {@code expect:} list: which cells it covers ({@code when}, wildcards
 * allowed) and what they must do. Unset fields mean "don't care". For a cell, the last matching
 * rule wins, so general rules come first and exceptions after. {@code alert = -1} means "no alert".
 * {@code check}: the profile check of the failing side that fires (its id, e.g. {@code min_bits}), in the
 * stack's own terms; {@code checkLines} are the lines each stack (profile id) prints for it on that side.
 */
public record Expectation(
        When when,
        Outcome outcome,
        Side failedSide,
        Integer alert,
        String stoppedAfter,
        String check,
        Map<String, List<String>> checkLines,
        String senderError,
        String receiverError,
        String cipher,
        String protocol,
        Integer dhBits,
        String why,
        String file,
        int line) {

    public boolean covers(Cell c) {
        return when.covers(c);
    }

    /** "matrix.yaml:42": the file (as the matrix was named) and line of this rule. */
    public String where() {
        return file + ":" + line;
    }

    /** Differences as sentences; empty when the result is as expected. Verdict first, details after. */
    public List<String> differences(HandshakeResult r, Cell c) {
        List<String> d = new ArrayList<>();
        if (r.outcome() != outcome) {
            d.add("expected " + describe() + ", got " + r.summary());
            return d;
        }
        check(d, "failing side", failedSide == null ? null : failedSide.label(),
                r.failedSide() == null ? null : r.failedSide().label());
        if (alert != null) {
            String got = r.alert() == null ? "none" : r.alert().code() + " " + r.alert().name();
            String want = alert < 0 ? "none" : alert + " " + TlsAlerts.name(alert);
            check(d, "alert", want, got);
        }
        check(d, "stopped after", stoppedAfter, r.stoppedAfter());
        if (check != null) {
            List<String> got = failedSide == Side.RECEIVER ? r.receiverErrors() : r.senderErrors();
            StackRef stack = StackRef.parse(c.get(failedSide.label()));
            List<String> want = checkLines.getOrDefault(stack.profileId(), List.of());
            boolean emulated = stack.engine().equals(StackRef.EMULATED);
            // the rule the side reported (or its stack's lines name) first; its words only where no rule is named
            String rule = (failedSide == Side.RECEIVER ? r.receiverTrace() : r.senderTrace()).rule();
            String expected = "expected the " + failedSide.label() + "'s check " + check + " ('"
                    + (want.isEmpty() ? "?" : OpensslErrorLine.reason(want.get(0))) + "'), got ";
            String printed = got.isEmpty() ? "no error line" : "'" + String.join(" / ", got) + "'";
            if (rule != null && !rule.equals(check)) {
                d.add(expected + "its rule " + rule + " (" + printed + ")");
            } else if (rule == null && got.stream().noneMatch(l -> printedBy(l, want, emulated))) {
                d.add(expected + printed);
            }
        }
        contains(d, "sender error", senderError, r.senderErrors());
        contains(d, "receiver error", receiverError, r.receiverErrors());
        check(d, "cipher", cipher, r.cipher());
        check(d, "protocol", protocol, r.protocol());
        check(d, "DH bits", dhBits == null ? null : dhBits.toString(), r.dhBits() == null ? null : r.dhBits().toString());
        return d;
    }

    /**
     * Whether {@code line} is one the check prints: an emulated stack prints its profile's lines exactly; a real
     * one is held to the same words (the OpenSSL reason field, or the whole line in any other format), because a
     * real build's error code and file:line may differ from the profile's.
     */
    private static boolean printedBy(String line, List<String> checkLines, boolean emulated) {
        return checkLines.stream().anyMatch(w -> w.equals(line) || (!emulated && ErrorMap.same(line, w)));
    }

    private static void check(List<String> d, String what, String want, String got) {
        if (want != null && !want.equals(got)) {
            d.add("expected " + what + " " + want + ", got " + (got == null ? "none" : got));
        }
    }

    private static void contains(List<String> d, String what, String want, List<String> lines) {
        if (want != null && lines.stream().noneMatch(l -> l.contains(want))) {
            d.add("expected " + what + " containing '" + want + "', got "
                    + (lines.isEmpty() ? "none" : "'" + String.join(" / ", lines) + "'"));
        }
    }

    /** "fail (sender, alert 50, 'bad dh g value')" */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (failedSide != null) parts.add(failedSide.label());
        if (alert != null) parts.add(alert < 0 ? "no alert" : "alert " + alert);
        if (check != null) parts.add("check " + check);
        if (senderError != null) parts.add("'" + senderError + "'");
        if (receiverError != null) parts.add("receiver '" + receiverError + "'");
        if (cipher != null) parts.add(cipher);
        if (protocol != null) parts.add(protocol);
        if (dhBits != null) parts.add("DH " + dhBits);
        return outcome.label() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }
}
