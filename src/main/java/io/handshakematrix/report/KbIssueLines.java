package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Issue section's lines: what one side printed in an article's cells, each distinct text once with the OS
 * releases that print it, the most cells first. One release family prints its own spelling of the same failure
 * (1.0.1 upper-case function names, 1.0.2 lower case, 1.1.1 and 3.0 other codes): a reader searches the KB for the
 * exact line of their own host, so each spelling is shown. A side whose stack printed nothing has no lines here:
 * the harness's own notes (in parentheses) are not log lines. A crypto policy changes whether a check fails, not
 * the line the library prints, so the releases are named without it.
 */
final class KbIssueLines {
    private KbIssueLines() {}

    /** At most {@code max} spellings: an article must stay under 3 KB. */
    static Map<String, Set<OsRelease>> of(List<CellResult> cells, Side side, int max) {
        Map<String, Set<OsRelease>> by = new LinkedHashMap<>();
        Map<String, Integer> count = new HashMap<>();
        for (CellResult c : cells) {
            List<String> errors = side == Side.SENDER ? c.result().senderErrors() : c.result().receiverErrors();
            List<String> lines = new ArrayList<>();
            for (String e : errors == null ? List.<String>of() : errors) {
                e.lines().map(l -> KbText.plain(l).strip()).filter(l -> !l.isEmpty() && !l.startsWith("("))
                        .forEach(lines::add);
            }
            if (lines.isEmpty()) {
                continue;
            }
            String text = String.join("\n", lines);
            by.computeIfAbsent(text, k -> new TreeSet<>(OsRelease.ORDER.thenComparing(OsRelease::label)))
                    .add(OsRelease.of(side == Side.SENDER ? c.cell().sender() : c.cell().receiver()).orElseThrow());
            count.merge(text, 1, Integer::sum);
        }
        Map<String, Set<OsRelease>> out = new LinkedHashMap<>();
        by.entrySet().stream().sorted((a, z) -> count.get(z.getKey()) - count.get(a.getKey())).limit(max)
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** The first line a side printed in these cells, "" when its stack printed none. */
    static String first(List<CellResult> cells, Side side) {
        return of(cells, side, 1).keySet().stream().findFirst().map(t -> t.lines().findFirst().orElse("")).orElse("");
    }

    static String names(Set<OsRelease> releases) {
        return String.join(", ", releases.stream().map(OsRelease::label).toList());
    }
}
