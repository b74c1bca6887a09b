package io.handshakematrix.explain;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.TlsAlerts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every error line the stacks printed in a set of results, with who printed it, on which side, in which cells:
 * a customer's line is looked up here. Causes are the failed cells that printed the line, grouped by the side
 * that gave up and its own first line (the peer's line to ask the customer for), each with the fixes the same
 * results prove.
 */
public final class LineIndex {
    /** One stack printing one exact line on one side, in {@code cells} cells. */
    public record Printer(String stack, Side side, String line, int cells) {
    }

    /**
     * One cause of a line: the side that printed it, the side that gave up (same side: it refused itself), the
     * alert on the wire, the refusing side's first line, the stacks and groups involved, a representative cell
     * and the proven fixes with the number of the group's cells each fixed.
     */
    public record Cause(Side printedBy, Side failedSide, String rule, Integer alert, String refusingLine, String otherLine, int cells,
                        List<String> senders, List<String> receivers, List<String> dhGroups, CellResult example,
                        List<FixCount> fixes) {

        /** "this side received alert 40 (handshake_failure): its peer refused" and the like. */
        public String meaning() {
            String side = "the " + printedBy.label();
            String variant = CellAxes.variant(example.cell());
            String where = variant.isEmpty() ? "" : " (with " + variant + ")";
            if (printedBy == failedSide) {
                return side + " gave up itself" + (rule == null ? "" : " on its rule " + rule) + ": "
                        + io.handshakematrix.model.OpensslErrorLine.reason(refusingLine) + where;
            }
            String got = alert != null ? "received alert " + alert + " (" + TlsAlerts.name(alert) + ")"
                    : "saw the connection end without an alert";
            return side + " " + got + ": its peer, the " + failedSide.label() + ", refused" + where;
        }
    }

    /** A fix and how many of a cause's cells it fixed. */
    public record FixCount(SiblingFixes.Fix fix, int cells) {
    }

    /** What the index knows about a line: its printers, its causes, or, for an unknown line, the nearest lines. */
    public record Answer(LogLine line, List<Printer> printers, List<Cause> causes, List<String> nearest) {
        public boolean known() {
            return !printers.isEmpty();
        }
    }

    private record Entry(String line, String stack, Side side, CellResult cell) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Set<String> distinct = new LinkedHashSet<>();
    private final SiblingFixes fixes;

    public LineIndex(List<CellResult> results, ProductProfile product) {
        this.fixes = new SiblingFixes(results, product);
        for (CellResult r : results) {
            HandshakeResult h = r.result();
            if (h.outcome() != Outcome.FAIL) {
                continue; // lines of harness errors and skipped cells are not the stacks'
            }
            for (String l : h.senderErrors()) {
                add(l, CellAxes.sender(r.cell()), Side.SENDER, r);
            }
            for (String l : h.receiverErrors()) {
                add(l, CellAxes.receiver(r.cell()), Side.RECEIVER, r);
            }
        }
    }

    private void add(String line, String stack, Side side, CellResult r) {
        for (String l : line.split("\n")) {
            if (!l.isBlank()) {
                entries.add(new Entry(l.strip(), stack, side, r));
                distinct.add(l.strip());
            }
        }
    }

    /** Every distinct line the stacks printed, in the order first seen. */
    public List<String> lines() {
        return List.copyOf(distinct);
    }

    /** Whether some cell printed {@code q}: {@link #lookup}'s first step, without the nearest lines of a miss. */
    public boolean knows(LogLine q) {
        return entries.stream().anyMatch(e -> q.matches(e.line()));
    }

    public Answer lookup(LogLine q) {
        List<Entry> hits = entries.stream().filter(e -> q.matches(e.line())).toList();
        if (hits.isEmpty()) {
            return new Answer(q, List.of(), List.of(), nearest(q, 3));
        }
        Map<String, int[]> printers = new LinkedHashMap<>();
        Map<String, Printer> printerKeys = new LinkedHashMap<>();
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        Map<String, Side> printedBy = new LinkedHashMap<>();
        Set<CellResult> seen = new java.util.HashSet<>();
        for (Entry e : hits) {
            String pk = e.stack() + "|" + e.side() + "|" + e.line();
            printers.computeIfAbsent(pk, k -> new int[1])[0]++;
            printerKeys.putIfAbsent(pk, new Printer(e.stack(), e.side(), e.line(), 0));
            if (!seen.add(e.cell())) {
                continue; // a cell counts once per cause even when two of its lines match
            }
            HandshakeResult h = e.cell().result();
            // a variant (ECDSA certificate, ...) is a cause of its own: its fixes are not the product's
            String gk = e.side() + "|" + h.failedSide() + "|" + why(h) + "|"
                    + alertCode(h) + "|" + CellAxes.variant(e.cell().cell());
            groups.computeIfAbsent(gk, k -> new ArrayList<>()).add(e.cell());
            printedBy.put(gk, e.side());
        }
        List<Printer> ps = printerKeys.entrySet().stream()
                .map(x -> new Printer(x.getValue().stack(), x.getValue().side(), x.getValue().line(),
                        printers.get(x.getKey())[0]))
                .sorted(Comparator.comparing((Printer p) -> -p.cells())).toList();
        List<Cause> causes = new ArrayList<>();
        groups.forEach((k, cells) -> causes.add(cause(printedBy.get(k), cells)));
        causes.sort(Comparator.comparing(c -> -c.cells()));
        return new Answer(q, ps, causes, List.of());
    }

    private Cause cause(Side printedBy, List<CellResult> cells) {
        CellResult ex = cells.get(0);
        HandshakeResult h = ex.result();
        Map<String, Integer> lineCounts = new LinkedHashMap<>();
        Map<String, Integer> otherCounts = new LinkedHashMap<>();
        Set<String> senders = new LinkedHashSet<>();
        Set<String> receivers = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        Map<String, FixCount> fixCounts = new LinkedHashMap<>();
        for (CellResult c : cells) {
            lineCounts.merge(refusingLine(c.result()), 1, Integer::sum);
            otherCounts.merge(firstLine(c.result().failedSide() == Side.RECEIVER ? c.result().senderErrors()
                    : c.result().receiverErrors()), 1, Integer::sum);
            senders.add(CellAxes.sender(c.cell()));
            receivers.add(CellAxes.receiver(c.cell()));
            groups.add(CellAxes.dhGroup(c.cell()));
            for (SiblingFixes.Fix f : fixes.of(c.cell())) {
                fixCounts.merge(f.change(), new FixCount(f, 1), (a, b) -> new FixCount(a.fix(), a.cells() + 1));
            }
        }
        String line = mostCommon(lineCounts);
        // the one ranking, as diagnose orders the same fixes; how many of the cause's cells each fixed is printed beside
        List<FixCount> fx = fixCounts.values().stream()
                .sorted(Comparator.comparing(FixCount::fix, SiblingFixes.RANK).thenComparing(f -> -f.cells()))
                .toList();
        return new Cause(printedBy, h.failedSide(), failingRule(h), alertCode(h), line, mostCommon(otherCounts), cells.size(), List.copyOf(senders),
                List.copyOf(receivers), List.copyOf(groups), ex, fx);
    }

    private static String refusingLine(HandshakeResult h) {
        return firstLine(h.failedSide() == Side.RECEIVER ? h.receiverErrors() : h.senderErrors());
    }

    private static String firstLine(List<String> lines) {
        return lines.isEmpty() ? "(no line)" : lines.get(0).split("\n")[0];
    }

    private static String mostCommon(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
    }

    /** Why the failing side gave up: the rule it reported, else (no rule named) its first line's reason. */
    private static String why(HandshakeResult h) {
        String rule = failingRule(h);
        return rule != null ? "rule " + rule : h.reason().toLowerCase(java.util.Locale.ROOT);
    }

    private static String failingRule(HandshakeResult h) {
        return h.failedSide() == null ? null
                : (h.failedSide() == Side.RECEIVER ? h.receiverTrace() : h.senderTrace()).rule();
    }

    private static Integer alertCode(HandshakeResult h) {
        return h.alert() == null ? null : h.alert().code();
    }

    /** The known lines sharing the most words with the query (Jaccard), for an unknown line. */
    List<String> nearest(LogLine q, int n) {
        Set<String> qw = q.words();
        return distinct.stream().map(l -> Map.entry(l, jaccard(qw, LogLine.words(l))))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(n).map(Map.Entry::getKey).toList();
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> inter = new java.util.HashSet<>(a);
        inter.retainAll(b);
        Set<String> union = new java.util.HashSet<>(a);
        union.addAll(b);
        return union.isEmpty() ? 0 : (double) inter.size() / union.size();
    }
}
