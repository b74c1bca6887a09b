package io.handshakematrix.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.report.KbCell;
import io.handshakematrix.report.KbRender;
import io.handshakematrix.report.Markdown;
import io.handshakematrix.report.ReportFiles;
import io.handshakematrix.results.ResultsJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * plan.md, plan.html (the KB's page style, with the before/after grid) and plan.json, from a finished plan
 * only: nothing here runs a handshake.
 */
public final class PlanReports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanReports() {}

    public static List<Path> writeAll(Path dir, Plan p) throws IOException {
        Path md = dir.resolve("plan.md");
        Path html = dir.resolve("plan.html");
        Path json = dir.resolve("plan.json");
        ReportFiles.writeText(md, markdown(p));
        ReportFiles.writeText(html, html(p));
        ReportFiles.writeText(json, JSON.writeValueAsString(json(p)) + "\n");
        return List.of(md, html, json);
    }

    public static String markdown(Plan p) {
        StringBuilder md = new StringBuilder("# Upgrade plan: " + Markdown.text(p.fleet().file()) + "\n\n");
        md.append("Planned: ").append(Markdown.text(PlanText.changes(p.fleet()))).append(". ")
                .append(Markdown.text(PlanText.summary(p))).append(".\n\n")
                .append(PlanText.METHOD).append("\n");
        md.append(PlanText.body(p, true));
        PlanGrid g = new PlanGrid(p);
        md.append("\n## Before/after grid\n\n");
        if (!g.fits()) {
            return md.append(Markdown.text(g.omitted())).append("\n").toString();
        }
        md.append("Rows send, columns receive; each square is before → after.\n\n| sender \\ receiver |");
        g.receivers.forEach(r -> md.append(' ').append(Markdown.cell(r)).append(" |"));
        md.append("\n|---|").append("---|".repeat(g.receivers.size())).append('\n');
        for (String s : g.senders) {
            md.append("| ").append(Markdown.cell(s)).append(" |");
            for (String r : g.receivers) {
                LinkResult l = g.at(s, r);
                md.append(' ').append(l == null ? "" : Markdown.cell(square(l))).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String square(LinkResult l) {
        KbCell b = PlanGrid.before(l);
        KbCell a = PlanGrid.after(l);
        return b.mark() + " " + b.verdict() + " → " + a.mark() + " " + a.verdict() + " " + a.words();
    }

    public static String html(Plan p) {
        String title = "Upgrade plan: " + p.fleet().file();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(KbRender.esc(title)).append("</title><style>").append(KbRender.CSS)
                .append("td.cat-breaks{outline:3px dashed #000;outline-offset:-3px}</style></head><body>\n");
        h.append("<h1>").append(KbRender.esc(title)).append("</h1>\n<p id=\"summary\">Planned: ")
                .append(KbRender.esc(PlanText.changes(p.fleet()))).append(". ").append(KbRender.esc(PlanText.summary(p)))
                .append(".</p>\n<p>").append(KbRender.esc(PlanText.METHOD)).append("</p>\n");
        PlanGrid g = new PlanGrid(p);
        h.append("<h2>Before/after grid</h2>\n");
        if (!g.fits()) {
            h.append("<p>").append(KbRender.esc(g.omitted())).append("</p>\n");
        } else {
            h.append("<p>Rows send, columns receive; each square is before → after. A dashed outline marks a link "
                    + "that breaks.</p>\n<table id=\"grid\"><thead><tr><th>sender \\ receiver</th>");
            g.receivers.forEach(r -> h.append("<th>").append(KbRender.esc(r)).append("</th>"));
            h.append("</tr></thead><tbody>\n");
            for (String s : g.senders) {
                h.append("<tr><th>").append(KbRender.esc(s)).append("</th>");
                for (String r : g.receivers) {
                    LinkResult l = g.at(s, r);
                    if (l == null) {
                        h.append("<td></td>");
                        continue;
                    }
                    KbCell b = PlanGrid.before(l);
                    KbCell a = PlanGrid.after(l);
                    h.append("<td class=\"").append(a.cssClass())
                            .append(l.category() == LinkResult.Category.BREAKS ? " cat-breaks" : "")
                            .append("\" data-link=\"").append(KbRender.esc(l.link().name())).append("\" data-category=\"")
                            .append(KbRender.esc(l.category().label())).append("\" title=\"")
                            .append(KbRender.esc(l.after().displayName())).append("\"><span class=\"mark\">")
                            .append(b.mark()).append(' ').append(b.verdict()).append(" → ").append(a.mark()).append(' ')
                            .append(a.verdict()).append("</span> ").append(KbRender.esc(a.words())).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        for (LinkResult.Category c : List.of(LinkResult.Category.BREAKS, LinkResult.Category.STARTS_WORKING,
                LinkResult.Category.STAYS_BROKEN)) {
            h.append("<h2>").append(KbRender.esc(cap(c.label()))).append(" (").append(p.in(c).size()).append(" links)</h2>\n<p>")
                    .append(KbRender.esc(cap(c.meaning()))).append(".</p>\n");
            List<Plan.Group> groups = p.groups(c);
            if (groups.isEmpty()) {
                continue;
            }
            h.append("<table class=\"links\" data-category=\"").append(KbRender.esc(c.label())).append("\"><thead><tr>"
                    + "<th>links</th><th>before</th><th>after</th><th>why</th><th>verified options</th></tr></thead><tbody>\n");
            for (Plan.Group grp : groups) {
                LinkResult l = grp.first();
                var why = c == LinkResult.Category.STARTS_WORKING ? l.whyBefore() : l.whyAfter();
                h.append("<tr><td>").append(KbRender.esc(PlanText.links(grp.links(), 12))).append("</td>")
                        .append(verdictCell(PlanGrid.before(l))).append(verdictCell(PlanGrid.after(l)))
                        .append("<td>").append(why == null ? "" : KbRender.esc(why.sentence())).append("</td><td>");
                for (FixOption o : l.options()) {
                    h.append("<code>").append(KbRender.esc(PlanText.option(o))).append("</code><br>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h2>Fleet-wide fix</h2>\n<p>").append(KbRender.esc(PlanText.FLEET_FIX_METHOD)).append("</p>\n");
        h.append("<table id=\"fleet-fix\"><thead><tr><th>#</th><th>host</th><th>set</th><th>where</th><th>links it fixes</th>"
                + "<th>re-run with it</th><th>cost</th></tr></thead><tbody>\n");
        int i = 1;
        for (FleetFixes.Chosen c : p.chosen()) {
            h.append(editRow(Integer.toString(i++), c.check(), c.newlyFixed()));
        }
        for (EditCheck c : p.alternatives()) {
            h.append(editRow("not chosen", c, c.fixes()));
        }
        h.append("</tbody></table>\n");
        for (String line : PlanText.sameEdits(p)) {
            h.append("<p>").append(KbRender.esc(line)).append("</p>\n");
        }
        h.append("<p id=\"with-fixes\">").append(KbRender.esc(PlanText.withFixes(p))).append("</p>\n");
        return h.append("</body></html>\n").toString();
    }

    private static String verdictCell(KbCell c) {
        return "<td class=\"" + c.cssClass() + "\"><span class=\"mark\">" + c.mark() + " " + c.verdict() + "</span> "
                + KbRender.esc(c.words()) + "</td>";
    }

    private static String editRow(String rank, EditCheck c, List<Link> fixed) {
        HostEdit e = c.edit();
        return "<tr" + (rank.equals("not chosen") ? " class=\"alternative\"" : "") + "><td>" + rank + "</td><td>"
                + KbRender.esc(e.host()) + "</td><td><code>" + KbRender.esc(e.change()) + "</code></td><td>" + KbRender.esc(e.where())
                + "</td><td>" + fixed.size() + ": " + KbRender.esc(PlanText.links(fixed, 12)) + "</td><td>" + c.affected().size()
                + " links: " + c.fixes().size() + " fixed, " + c.breaks().size() + " broken, " + c.stillFailing().size()
                + " still failing</td><td>" + (e.cost() == null ? "none" : KbRender.esc(e.cost())) + "</td></tr>\n";
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static Map<String, Object> json(Plan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fleet", p.fleet().file());
        m.put("protocol", p.fleet().protocol());
        m.put("changes", p.fleet().changes().stream().map(c -> ordered("change", c.describe(), "origin", c.origin(),
                "hosts", c.hosts())).toList());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (LinkResult.Category c : LinkResult.Category.values()) {
            counts.put(c.label(), p.in(c).size());
        }
        m.put("counts", counts);
        m.put("distinctCells", p.distinctCells());
        m.put("handshakes", p.handshakes());
        m.put("seconds", Math.round(p.seconds() * 10) / 10.0);
        m.put("gate", p.somethingBreaks() ? "fail" : "pass");
        m.put("links", p.links().stream().map(PlanReports::link).toList());
        m.put("fleetFix", p.chosen().stream().map(c -> {
            Map<String, Object> x = edit(c.check());
            x.put("newlyFixed", names(c.newlyFixed()));
            return x;
        }).toList());
        m.put("otherVerifiedEdits", p.alternatives().stream().map(PlanReports::edit).toList());
        Map<String, Object> with = new LinkedHashMap<>();
        with.put("working", p.workingWithFixes());
        with.put("links", p.withFixes().entrySet().stream().map(e -> ordered("link", e.getKey().name(),
                "result", e.getValue().summary())).toList());
        m.put("withPlannedChangesAndFleetFix", with);
        return m;
    }

    private static Map<String, Object> link(LinkResult l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sender", l.link().sender());
        m.put("receiver", l.link().receiver());
        m.put("line", l.link().line());
        m.put("category", l.category().label());
        m.put("before", side(l.before(), l.beforeResult(), l.whyBefore()));
        m.put("after", side(l.after(), l.afterResult(), l.whyAfter()));
        m.put("options", l.options().stream().map(o -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("where", o.attempt().where());
            x.put("change", o.attempt().change());
            x.put("works", o.attempt().works());
            x.put("result", o.attempt().verdict());
            x.put("cost", o.cost());
            x.put("keepsDhe", o.keepsDhe());
            return x;
        }).toList());
        return m;
    }

    private static Map<String, Object> side(Cell c, HandshakeResult r, io.handshakematrix.diagnose.Explanation why) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", ResultsJson.axes(c));
        m.put("outcome", r.outcome().label());
        m.put("summary", r.summary());
        m.put("senderErrors", r.senderErrors());
        m.put("receiverErrors", r.receiverErrors());
        m.put("why", why == null ? null : why.sentence());
        return m;
    }

    private static Map<String, Object> edit(EditCheck c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", c.edit().host());
        m.put("where", c.edit().where());
        m.put("change", c.edit().change());
        m.put("cost", c.edit().cost());
        m.put("keepsDhe", c.edit().keepsDhe());
        m.put("affected", c.affected().size());
        m.put("fixes", names(c.fixes()));
        m.put("breaks", names(c.breaks()));
        m.put("stillFailing", names(c.stillFailing()));
        return m;
    }

    /** Map.of has no order; JSON readers (and diffs of plan.json) are better served by the written one. */
    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<String> names(List<Link> links) {
        return links.stream().map(Link::name).toList();
    }
}
