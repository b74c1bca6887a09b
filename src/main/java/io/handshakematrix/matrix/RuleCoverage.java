package io.handshakematrix.matrix;

import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.InputError;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a reviewer would check by hand, on the whole expansion (a file with its includes): every rule decides
 * at least one cell (else it is dead: written, read, and never used; the error names the lines that decide its
 * cells instead), and every {@code check:} is one the failing stack's profile has on that side.
 */
final class RuleCoverage {
    private RuleCoverage() {}

    static void check(Matrix top, ProfileCatalog profiles) {
        List<Matrix.Decision> decisions = top.decisions();
        Map<Expectation, Integer> decided = new IdentityHashMap<>();
        for (Matrix.Decision d : decisions) {
            Expectation r = d.rule();
            if (r == null) {
                continue;
            }
            decided.merge(r, 1, Integer::sum);
            if (r.check() != null) {
                String stack = d.cell().get(r.failedSide().label());
                String id = StackRef.parse(stack).profileId();
                if (!r.checkLines().containsKey(id)) {
                    throw new InputError(r.file(), r.line(), "check '" + r.check() + "' is not a check of " + stack
                            + " as " + r.failedSide().label() + " (cell " + d.cell().displayName() + "); expected one of "
                            + String.join(", ", StackChecks.of(profiles.get(id), r.failedSide()).keySet()));
                }
            }
        }
        for (Matrix part : top.parts()) {
            for (Expectation r : part.expectations()) {
                if (!decided.containsKey(r)) {
                    throw new InputError(r.file(), r.line(), deadRule(r, part, decisions));
                }
            }
        }
    }

    private static String deadRule(Expectation r, Matrix part, List<Matrix.Decision> decisions) {
        TreeSet<Integer> here = new TreeSet<>();
        TreeSet<String> elsewhere = new TreeSet<>();
        for (Matrix.Decision d : decisions) {
            if (!part.crosses(d.cell()) || !r.covers(d.cell()) || d.where() == null) {
                continue;
            }
            boolean sameFile = d.part() == part;
            int line = d.disabled() != null ? d.disabled().line() : d.rule().line();
            if (sameFile && d.disabled() == null) {
                here.add(line);
            } else {
                elsewhere.add(d.where() + (d.disabled() != null ? " (disabled)" : ""));
            }
        }
        if (here.isEmpty() && elsewhere.isEmpty()) {
            return "rule decides no cell: its when: matches none of this file's cells; expected a when: that "
                    + "matches at least one";
        }
        List<String> by = new ArrayList<>();
        if (!here.isEmpty()) {
            by.add("line" + (here.size() == 1 ? " " : "s ") + String.join(", ", here.stream().map(String::valueOf).toList()));
        }
        if (!elsewhere.isEmpty()) {
            by.add(String.join(", ", elsewhere));
        }
        return "rule decides no cell; shadowed by " + String.join(" and by ", by);
    }
}
