package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import java.util.List;

/**
 * reports/kb.html: the same article as kb.md as one self-contained page (inline CSS, no script, no external
 * fetch). Colours are from the Okabe-Ito palette (blue vs. vermillion, told apart with every common colour-vision
 * deficiency) and only repeat the text marks. Cells carry data-key/data-verdict for the browser test.
 */
public final class KbHtml {
    private KbHtml() {}

    public static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#111}
            table{border-collapse:collapse;margin:.5em 0 1.5em}
            th,td{border:1px solid #999;padding:.25em .45em;vertical-align:top}
            th{background:#eee;text-align:left}
            td.v-ok{background:#d7eaf7;border-left:4px solid #0072B2}
            td.v-fail{background:#fbe0cf;border-left:4px solid #D55E00}
            td.v-timeout,td.v-error{background:#f7f1b5;border-left:4px solid #000}
            td.v-skipped{background:#eee;color:#555}
            td.differs{outline:3px dashed #000;outline-offset:-3px}
            .mark{font-weight:bold}
            code{font-size:12px}
            sup a{text-decoration:none}
            """;

    public static String render(List<CellResult> results) {
        KbDocument doc = KbDocument.of(results);
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>TLS handshake compatibility</title><style>" + CSS + "</style></head><body>\n");
        h.append("<h1>TLS handshake compatibility: sender (TLS client) → receiver (TLS server)</h1>\n");
        h.append("<p id=\"summary\">Every cell is a real TLS handshake on 127.0.0.1 between the two stacks. ")
                .append(esc(doc.summary())).append(".</p>\n<p>").append(esc(KbText.LEGEND)).append("</p>\n");
        for (MatrixLayout t : doc.tables()) {
            h.append("<h2>").append(esc(t.title())).append("</h2>\n<table class=\"kb\"><thead><tr><th>sender → receiver</th>");
            t.columns().forEach(c -> h.append("<th>").append(esc(KbDocument.columnHeader(c))).append("</th>"));
            h.append("</tr></thead><tbody>\n");
            for (String row : t.rows()) {
                h.append("<tr><th>").append(esc(row)).append("</th>");
                for (String col : t.columns()) {
                    CellResult r = t.at(row, col);
                    h.append(r == null ? "<td></td>" : cell(r, doc.cell(r)));
                }
                h.append("</tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("<h2>Resolution</h2>\n<p>").append(esc(KbText.RESOLUTION_INTRO)).append("</p>\n")
                .append("<table id=\"resolution\"><thead><tr><th>sender</th><th>receivers</th><th>receiver setting</th>"
                        + "<th>symptom</th><th>what makes it pass</th></tr></thead><tbody>\n");
        for (Resolution r : doc.resolutions()) {
            h.append("<tr><td>").append(esc(r.sender())).append("</td><td>").append(esc(String.join(", ", r.receivers())))
                    .append("</td><td>").append(esc(KbText.setting(r))).append("</td><td>").append(esc(r.symptom()))
                    .append("</td><td>").append(esc(KbDocument.fixesText(r))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<h2>Exact error lines</h2>\n<ol id=\"footnotes\">\n");
        List<String> notes = doc.footnotes();
        for (int i = 0; i < notes.size(); i++) {
            h.append("<li id=\"fn").append(i + 1).append("\">");
            notes.get(i).lines().forEach(l -> h.append("<code>").append(esc(l)).append("</code><br>"));
            h.append("</li>\n");
        }
        return h.append("</ol>\n</body></html>\n").toString();
    }

    private static String cell(CellResult r, KbCell c) {
        return "<td class=\"" + c.cssClass() + (c.differs() ? " differs" : "") + "\" data-key=\"" + esc(r.cell().key())
                + "\" data-verdict=\"" + c.verdict() + "\" title=\"" + esc(r.cell().displayName()) + "\">"
                + "<span class=\"mark\">" + c.mark() + " " + c.verdict() + "</span> " + esc(c.words())
                + (c.footnote() > 0 ? "<sup><a href=\"#fn" + c.footnote() + "\">" + c.footnote() + "</a></sup>" : "")
                + (c.differs() ? " <strong>" + esc(KbText.DIFFERS) + "</strong>" : "") + "</td>";
    }

    /** The five characters HTML reserves; hand-written because the JDK has no HTML escaper. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
