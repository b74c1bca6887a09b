package io.handshakematrix.report;

/**
 * The one escaping of values into GitHub Markdown, used by every Markdown writer (the KB articles, the plan):
 * a value is either text (its markup characters backslash-escaped, so a name or an error line can raise no HTML
 * element, link, emphasis or table column) or a code span (fenced by more backticks than any run inside it, so a
 * backtick in an error line cannot close it). Values are one line: a line break becomes a space.
 */
public final class Markdown {
    private Markdown() {}

    /** {@code value} as Markdown text that renders as exactly {@code value} (outside a table: see {@link #cell}). */
    public static String text(String value) {
        return text(value, false);
    }

    /** {@code value} as the text of a table cell: '|' (which would start another column) escaped too. */
    public static String cell(String value) {
        return text(value, true);
    }

    private static String text(String value, boolean inTable) {
        String v = oneLine(value);
        StringBuilder out = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean escape = switch (c) {
                case '\\', '`', '*', '[', ']', '<', '&', '~' -> true;
                case '|' -> inTable;
                // intraword underscores (RECEIVE_SIDE) never emphasise in GitHub Markdown; others may
                case '_' -> !(i > 0 && i + 1 < v.length() && Character.isLetterOrDigit(v.charAt(i - 1))
                        && Character.isLetterOrDigit(v.charAt(i + 1)));
                // a block marker only at the start of the text ("# ", "- ", "> ", "1. ")
                case '#', '-', '+', '>', '=' -> i == 0;
                default -> false;
            };
            if (i == 0 && Character.isDigit(c)) {
                int j = 0;
                while (j < v.length() && Character.isDigit(v.charAt(j))) {
                    j++;
                }
                if (j < v.length() && (v.charAt(j) == '.' || v.charAt(j) == ')')) {
                    out.append(v, 0, j).append('\\');
                    i = j - 1;
                    continue;
                }
            }
            if (escape) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * {@code value} as one code span: the fence is one backtick longer than the longest run inside, with a space
     * inside each fence when the value starts or ends with a backtick or a space (CommonMark strips one).
     */
    public static String code(String value) {
        String v = oneLine(value);
        int longest = 0;
        int run = 0;
        for (int i = 0; i < v.length(); i++) {
            run = v.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = !v.isEmpty() && (v.startsWith("`") || v.endsWith("`") || v.startsWith(" ") && v.endsWith(" ")
                && !v.isBlank());
        String sp = pad ? " " : "";
        return fence + sp + v + sp + fence;
    }

    /** A code span inside a table cell: GitHub splits cells at every unescaped '|', inside code spans too. */
    public static String codeInTable(String value) {
        return code(value).replace("|", "\\|");
    }

    /** Line breaks and other control characters become spaces: a value never starts a new block. */
    static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) ? ' ' : cp));
        return out.toString();
    }

    /** The fence of a fenced code block holding {@code lines}: at least three backticks, longer than any run inside. */
    static String fence(java.util.List<String> lines) {
        int longest = 0;
        for (String v : lines) {
            int run = 0;
            for (int i = 0; i < v.length(); i++) {
                run = v.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
