package io.handshakematrix.plan;

import io.handshakematrix.diagnose.Explanation;
import io.handshakematrix.model.HandshakeResult;
import java.util.List;
import java.util.stream.Collectors;

/** The sentences every rendering of a plan shares (console, Markdown, HTML), so they say the same thing. */
public final class PlanText {
    private PlanText() {}

    static final String METHOD = "Every verdict is a real TLS handshake on 127.0.0.1 between the two hosts' stacks "
            + "with the receiver's configssl.cnf settings, each distinct cell run once. A fix counts only if the "
            + "links it is for were re-run with it applied and worked.";

    static final String FLEET_FIX_METHOD = "Fewest edits that fix the most links: greedy set cover over the verified "
            + "edits (most still-failing links fixed per edit; ties go by the one ranking of fixes diagnose and explain "
            + "use: one that keeps DHE, then the one more of the product's current peers accept, then the narrower "
            + "change, then the smaller group). Each edit was re-run on every link through the file it edits, with the planned changes "
            + "applied; an edit that breaks a working link is never chosen.";

    public static String summary(Plan p) {
        return p.links().size() + " links: " + p.in(LinkResult.Category.BREAKS).size() + " break, "
                + p.in(LinkResult.Category.STARTS_WORKING).size() + " start to work, "
                + p.in(LinkResult.Category.STAYS_BROKEN).size() + " stay broken, "
                + p.in(LinkResult.Category.KEEPS_WORKING).size() + " keep working; "
                + p.distinctCells() + " distinct cells, " + p.handshakes() + " real handshakes in "
                + String.format("%.1f s", p.seconds());
    }

    public static String changes(Fleet f) {
        return f.changes().isEmpty() ? "no planned change"
                : f.changes().stream().map(PlannedChange::describe).collect(Collectors.joining("; "));
    }

    /** Up to {@code max} link names, then "and N more". */
    public static String links(List<Link> links, int max) {
        String shown = links.stream().limit(max).map(Link::name).collect(Collectors.joining(", "));
        return links.size() > max ? shown + " and " + (links.size() - max) + " more" : shown;
    }

    public static String result(HandshakeResult r) {
        return r.summary();
    }

    public static String why(Explanation e) {
        return e == null ? null : e.sentence();
    }

    /** "[ok]   set [DH] ... (receiver configssl.cnf) -> ok, ...; costs: ..." */
    public static String option(FixOption o) {
        String peers = o.attempt().works() ? o.attempt().peerCount().text() : "";
        return (o.attempt().works() ? "[ok]   " : "[fail] ") + o.attempt().line()
                + (peers.isEmpty() ? "" : "; " + peers) // the count diagnose, explain and the KB print
                + (o.attempt().works() && o.cost() != null ? "; cost: " + o.cost() : "");
    }

    /** "receiver-1: set ... fixes 4 of the 4 links through that file (0 broken)" */
    public static String edit(EditCheck c) {
        return c.edit().describe() + ": fixes " + c.fixes().size() + " link" + (c.fixes().size() == 1 ? "" : "s")
                + " (" + c.affected().size() + " links through that file re-run with it: " + c.fixes().size()
                + " fixed, " + c.breaks().size() + " broken, " + c.stillFailing().size() + " still failing)"
                + (c.edit().peers().text().isEmpty() ? "" : "; " + c.edit().peers().text())
                + (c.edit().cost() != null ? "; cost: " + c.edit().cost() : "; no cost");
    }

    public static String withFixes(Plan p) {
        return "With the planned changes and the " + p.chosen().size() + " chosen edit" + (p.chosen().size() == 1 ? ""
                : "s") + " applied together, every link re-run: " + p.workingWithFixes() + " of " + p.links().size()
                + " links work.";
    }

    /** Console and Markdown body: the three interesting categories with diagnoses and options, then the fleet fix. */
    public static String body(Plan p, boolean markdown) {
        StringBuilder out = new StringBuilder();
        String h2 = markdown ? "## " : "== ";
        String item = markdown ? "- " : "  ";
        String sub = markdown ? "  - " : "      ";
        for (LinkResult.Category c : List.of(LinkResult.Category.BREAKS, LinkResult.Category.STARTS_WORKING,
                LinkResult.Category.STAYS_BROKEN)) {
            List<Plan.Group> groups = p.groups(c);
            out.append('\n').append(h2).append(upper(c.label())).append(" (").append(p.in(c).size())
                    .append(" links): ").append(c.meaning()).append("\n");
            for (Plan.Group g : groups) {
                LinkResult l = g.first();
                out.append(markdown ? "\n" : "").append(item).append(code(links(g.links(), 12), markdown)).append("\n");
                out.append(sub).append("before: ").append(code(result(l.beforeResult()), markdown)).append("\n");
                out.append(sub).append("after:  ").append(code(result(l.afterResult()), markdown)).append("\n");
                Explanation why = c == LinkResult.Category.STARTS_WORKING ? l.whyBefore() : l.whyAfter();
                if (why != null) {
                    out.append(sub).append("why: ").append(text(why.sentence(), markdown)).append("\n");
                }
                if (!l.options().isEmpty()) {
                    out.append(sub).append("verified options for ").append(g.links().size() == 1 ? "this link" : "each")
                            .append(":\n");
                    for (FixOption o : l.options()) {
                        out.append(markdown ? "    - " : "        ").append(text(option(o), markdown)).append("\n");
                    }
                }
            }
        }
        out.append('\n').append(h2).append("FLEET-WIDE FIX\n").append(markdown ? "\n" : "").append(FLEET_FIX_METHOD)
                .append("\n").append(markdown ? "\n" : "");
        if (p.chosen().isEmpty()) {
            out.append(item).append(failingAfter(p) == 0 ? "nothing to fix: every link works after the change"
                    : "no verified edit fixes any failing link").append("\n");
        }
        int i = 1;
        for (FleetFixes.Chosen c : p.chosen()) {
            out.append(markdown ? i + ". " : "  " + i + ". ").append(text(edit(c.check()), markdown)).append("\n");
            out.append(sub).append("fixes ").append(text(links(c.newlyFixed(), 12), markdown)).append("\n");
            i++;
        }
        for (String line : sameEdits(p)) {
            out.append(item).append(text(line, markdown)).append("\n");
        }
        List<EditCheck> alt = p.alternatives();
        if (!alt.isEmpty()) {
            out.append(markdown ? "\nOther verified edits (not chosen):\n\n" : "Other verified edits (not chosen):\n");
            for (EditCheck c : alt) {
                out.append(item).append(text(edit(c), markdown)).append("\n");
            }
        }
        out.append(markdown ? "\n" : "").append(withFixes(p)).append("\n");
        return out.toString();
    }

    /** "In short: set X (receiver configssl.cnf) on receiver-1, receiver-2: 7 links", for a change chosen on several hosts. */
    static List<String> sameEdits(Plan p) {
        java.util.Map<String, List<FleetFixes.Chosen>> by = new java.util.LinkedHashMap<>();
        for (FleetFixes.Chosen c : p.chosen()) {
            by.computeIfAbsent(c.check().edit().role() + " " + c.check().edit().change(), k -> new java.util.ArrayList<>())
                    .add(c);
        }
        return by.values().stream().filter(cs -> cs.size() > 1).map(cs -> "In short: set " + cs.get(0).check().edit()
                .change() + " on " + cs.size() + " " + cs.get(0).check().edit().role().name().toLowerCase() + "s ("
                + cs.stream().limit(12).map(c -> c.check().edit().host()).collect(Collectors.joining(", "))
                + (cs.size() > 12 ? ", ..." : "") + "): " + cs.stream().mapToInt(c -> c.newlyFixed().size()).sum()
                + " links").toList();
    }

    static long failingAfter(Plan p) {
        return p.links().stream().filter(l -> !LinkResult.ok(l.afterResult())).count();
    }

    private static String upper(String s) {
        return s.toUpperCase(java.util.Locale.ROOT);
    }

    /** A value as a Markdown code span (fenced past any backtick inside), or as it is on the console. */
    private static String code(String s, boolean markdown) {
        return markdown ? io.handshakematrix.report.Markdown.code(s) : s;
    }

    /** A value as Markdown text (escaped), or as it is on the console. */
    private static String text(String s, boolean markdown) {
        return markdown ? io.handshakematrix.report.Markdown.text(s) : s;
    }
}
