package io.handshakematrix.report;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders KB blocks as GitHub Markdown or as one self-contained HTML page (inline CSS, no script, no fetch). */
public final class KbRender {
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern NOTE = Pattern.compile("\\[\\^(\\d+)]");

    private KbRender() {}

    static String markdown(List<KbBlock> blocks) {
        StringBuilder md = new StringBuilder();
        for (KbBlock b : blocks) {
            if (b instanceof KbBlock.Heading h) {
                md.append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (b instanceof KbBlock.Para p) {
                md.append(p.text()).append("\n\n");
            } else if (b instanceof KbBlock.Items i) {
                i.items().forEach(x -> md.append("- ").append(x).append('\n'));
                md.append('\n');
            } else if (b instanceof KbBlock.Table t) {
                    md.append("| ").append(String.join(" | ", t.headers())).append(" |\n|")
                            .append("---|".repeat(t.headers().size())).append('\n');
                    for (List<KbBlock.Cell> row : t.rows()) {
                        md.append('|');
                        row.forEach(c -> md.append(' ').append(c.text().replace("|", "\\|"))
                                .append(c.footnote() > 0 ? " [^" + c.footnote() + "]" : "").append(" |"));
                        md.append('\n');
                    }
                    md.append('\n');
            } else if (b instanceof KbBlock.Notes n) {
                    for (int i = 0; i < n.notes().size(); i++) {
                        List<String> lines = n.notes().get(i);
                        md.append("[^").append(i + 1).append("]: ");
                        for (int j = 0; j < lines.size(); j++) {
                            md.append(j == 0 ? "" : "    ").append('`').append(lines.get(j).replace("`", "'")).append('`')
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

    /** Escaped text with `code` spans as {@code <code>} and [^n] as a footnote link: no literal Markdown on the page. */
    static String inline(String text) {
        return NOTE.matcher(codeSpans(text)).replaceAll("<sup><a href=\"#fn$1\">$1</a></sup>");
    }

    private static String codeSpans(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = CODE.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(esc(text.substring(last, m.start()))).append("<code>").append(esc(m.group(1))).append("</code>");
            last = m.end();
        }
        return out.append(esc(text.substring(last))).toString();
    }

    /** The five characters HTML reserves; hand-written because the JDK has no HTML escaper. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
