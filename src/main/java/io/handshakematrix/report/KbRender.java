package io.handshakematrix.report;

import java.util.List;

/** Renders KB blocks as GitHub Markdown or as one self-contained HTML page (inline CSS, no script, no fetch). */
public final class KbRender {

    private KbRender() {}

    static String markdown(List<KbBlock> blocks) {
        StringBuilder md = new StringBuilder();
        for (KbBlock b : blocks) {
            if (b instanceof KbBlock.Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(md(h.text(), false)).append("\n\n");
            } else if (b instanceof KbBlock.Para p) {
                md.append(md(p.text(), false)).append("\n\n");
            } else if (b instanceof KbBlock.Items i) {
                i.items().forEach(x -> md.append("- ").append(md(x, false)).append('\n'));
                md.append('\n');
            } else if (b instanceof KbBlock.Table t) {
                    md.append("| ").append(String.join(" | ", t.headers().stream().map(x -> md(x, true)).toList()))
                            .append(" |\n|")
                            .append("---|".repeat(t.headers().size())).append('\n');
                    for (List<KbBlock.Cell> row : t.rows()) {
                        md.append('|');
                        row.forEach(c -> md.append(' ').append(md(c.text(), true))
                                .append(c.footnote() > 0 ? " [^" + c.footnote() + "]" : "").append(" |"));
                        md.append('\n');
                    }
                    md.append('\n');
            } else if (b instanceof KbBlock.Code c) {
                String fence = Markdown.fence(c.lines());
                md.append(fence).append('\n');
                c.lines().forEach(l -> md.append(Markdown.oneLine(l)).append('\n'));
                md.append(fence).append("\n\n");
            } else if (b instanceof KbBlock.Notes n) {
                    for (int i = 0; i < n.notes().size(); i++) {
                        List<String> lines = n.notes().get(i);
                        md.append("[^").append(i + 1).append("]: ");
                        for (int j = 0; j < lines.size(); j++) {
                            md.append(j == 0 ? "" : "    ").append(Markdown.code(lines.get(j)))
                                    .append(j + 1 < lines.size() ? "  \n" : "\n");
                        }
                    }
                    md.append('\n');
            }
        }
        return md.toString().stripTrailing() + "\n";
    }

    /** The KB pages' style; the plan page (plan/) uses it too, so both read alike. */
    public static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#111;max-width:80em}
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

    /** Colours from the Okabe-Ito palette, and they only repeat the text marks. */
    static String html(String title, List<KbBlock> blocks) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title><style>").append(CSS).append("</style></head><body>\n");
        for (KbBlock b : blocks) {
            if (b instanceof KbBlock.Heading x) {
                h.append("<h").append(x.level())
                        .append(x.id() == null ? "" : " id=\"" + esc(x.id()) + "\"").append('>').append(inline(x.text()))
                        .append("</h").append(x.level()).append(">\n");
            } else if (b instanceof KbBlock.Para p) {
                h.append("<p>").append(inline(p.text())).append("</p>\n");
            } else if (b instanceof KbBlock.Items i) {
                    h.append("<ul>\n");
                    i.items().forEach(x -> h.append("<li>").append(inline(x)).append("</li>\n"));
                    h.append("</ul>\n");
            } else if (b instanceof KbBlock.Table t) {
                    h.append("<table").append(t.id() == null ? "" : " id=\"" + esc(t.id()) + "\"").append("><thead><tr>");
                    t.headers().forEach(x -> h.append("<th>").append(inline(x)).append("</th>"));
                    h.append("</tr></thead><tbody>\n");
                    for (List<KbBlock.Cell> row : t.rows()) {
                        h.append("<tr>");
                        row.forEach(c -> h.append(cell(c)));
                        h.append("</tr>\n");
                    }
                    h.append("</tbody></table>\n");
            } else if (b instanceof KbBlock.Code c) {
                h.append("<pre><code>");
                c.lines().forEach(l -> h.append(esc(l)).append('\n'));
                h.append("</code></pre>\n");
            } else if (b instanceof KbBlock.Notes n) {
                    h.append("<ol id=\"footnotes\">\n");
                    for (int i = 0; i < n.notes().size(); i++) {
                        h.append("<li id=\"fn").append(i + 1).append("\">");
                        n.notes().get(i).forEach(l -> h.append("<code>").append(esc(l)).append("</code><br>"));
                        h.append("</li>\n");
                    }
                    h.append("</ol>\n");
            }
        }
        return h.append("</body></html>\n").toString();
    }

    private static String cell(KbBlock.Cell c) {
        StringBuilder td = new StringBuilder("<td");
        if (c.css() != null) {
            td.append(" class=\"").append(c.css()).append('"');
        }
        if (c.key() != null) {
            td.append(" data-keys=\"").append(esc(c.key())).append("\" data-verdict=\"").append(esc(c.verdict())).append('"');
        }
        td.append('>').append(inline(c.text()));
        if (c.footnote() > 0) {
            td.append("<sup><a href=\"#fn").append(c.footnote()).append("\">").append(c.footnote()).append("</a></sup>");
        }
        return td.append("</td>").toString();
    }

    /**
     * KB text as Markdown: its code spans (KbText.span) fenced, everything else escaped as text; in a table cell,
     * the '|' inside code spans escaped too.
     */
    static String md(String text, boolean inTable) {
        StringBuilder out = new StringBuilder();
        spans(text, t -> out.append(inTable ? Markdown.cell(t) : Markdown.text(t)),
                c -> out.append(inTable ? Markdown.codeInTable(c) : Markdown.code(c)));
        return out.toString();
    }

    /** KB text as HTML: escaped, with its code spans as {@code <code>}: no literal Markdown on the page. */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        spans(text, t -> out.append(esc(t)), c -> out.append("<code>").append(esc(c)).append("</code>"));
        return out.toString();
    }

    /** Splits KB text at its span marks: plain runs to {@code text}, span contents to {@code code}. */
    private static void spans(String s, java.util.function.Consumer<String> text,
                              java.util.function.Consumer<String> code) {
        int at = 0;
        while (at < s.length()) {
            int open = s.indexOf(KbText.SPAN_OPEN, at);
            if (open < 0) {
                text.accept(s.substring(at));
                return;
            }
            if (open > at) {
                text.accept(s.substring(at, open));
            }
            int close = s.indexOf(KbText.SPAN_CLOSE, open + 1);
            close = close < 0 ? s.length() : close;
            code.accept(s.substring(open + 1, close));
            at = close + 1;
        }
    }

    /** The five characters HTML reserves; hand-written because the JDK has no HTML escaper. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
