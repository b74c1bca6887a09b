package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import java.util.List;

/** reports/kb.md: the compatibility tables in GitHub Markdown, ready to paste into a knowledge-base article. */
public final class KbMarkdown {
    private KbMarkdown() {}

    public static String render(List<CellResult> results) {
        KbDocument doc = KbDocument.of(results);
        StringBuilder md = new StringBuilder();
        md.append("# TLS handshake compatibility: sender (TLS client) -> receiver (TLS server)\n\n");
        md.append("Every cell is a real TLS handshake on 127.0.0.1 between the two stacks. ")
                .append(doc.summary()).append(".\n\n");
        md.append(KbText.LEGEND).append("\n");
        for (MatrixLayout t : doc.tables()) {
            md.append("\n## ").append(t.title()).append("\n\n| sender -> receiver |");
            t.columns().forEach(c -> md.append(' ').append(KbDocument.columnHeader(c)).append(" |"));
            md.append("\n|---|").append("---|".repeat(t.columns().size())).append('\n');
            for (String row : t.rows()) {
                md.append("| ").append(row).append(" |");
                for (String col : t.columns()) {
                    CellResult r = t.at(row, col);
                    md.append(' ').append(r == null ? "" : cell(doc.cell(r))).append(" |");
                }
                md.append('\n');
            }
        }
        md.append("\n## Resolution\n\n").append(KbText.RESOLUTION_INTRO).append("\n\n");
        md.append("| sender | receivers | receiver setting | symptom | what makes it pass |\n|---|---|---|---|---|\n");
        for (Resolution r : doc.resolutions()) {
            md.append("| ").append(r.sender()).append(" | ").append(String.join(", ", r.receivers())).append(" | ")
                    .append(KbText.setting(r)).append(" | ").append(escape(r.symptom())).append(" | ")
                    .append(escape(KbDocument.fixesText(r))).append(" |\n");
        }
        md.append("\n## Exact error lines\n\n");
        List<String> notes = doc.footnotes();
        for (int i = 0; i < notes.size(); i++) {
            md.append("[^").append(i + 1).append("]: ");
            List<String> lines = notes.get(i).lines().toList();
            for (int j = 0; j < lines.size(); j++) {
                md.append(j == 0 ? "" : "    ").append('`').append(lines.get(j).replace("`", "'")).append('`')
                        .append(j + 1 < lines.size() ? "  \n" : "\n");
            }
        }
        return md.toString();
    }

    private static String cell(KbCell c) {
        return c.mark() + " " + c.verdict() + " " + escape(c.words()) + (c.footnote() > 0 ? " [^" + c.footnote() + "]" : "")
                + (c.differs() ? " " + KbText.DIFFERS : "");
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
