package io.handshakematrix.yaml;

/**
 * Offending values as messages show them: one line, at most {@link #MAX} characters. A 3 MB scalar must not
 * become a 3 MB "one line" error, and a value with a newline must not break the one-line format.
 */
public final class ValueText {
    public static final int MAX = 80;

    private ValueText() {}

    /**
     * A value as a terminal may show it, the one console escaping (explain's log lines, the console table,
     * messages): control characters (an ANSI escape's ESC, a carriage return, a bell, bidi controls) become '?',
     * so data cannot move the cursor, recolour or rewrite what the harness prints. Tabs stay.
     */
    public static String printable(String line) {
        StringBuilder out = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean control = c != '\t' && (Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069');
            if (control && out == null) {
                out = new StringBuilder(line.length()).append(line, 0, i);
            }
            if (out != null) {
                out.append(control ? '?' : c);
            }
        }
        return out == null ? line : out.toString();
    }

    /** {@code value} on one line, cut to {@link #MAX} characters with its full length said. */
    public static String cut(String value) {
        if (value == null) {
            return null;
        }
        String one = printable(value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"));
        if (one.length() <= MAX) {
            return one;
        }
        return one.substring(0, MAX) + "... (" + value.length() + " characters)";
    }

    /** Any run without spaces longer than {@link #MAX} + 40 (a value echoed without quotes, a path) is cut too. */
    private static String longWords(String m) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= m.length(); i++) {
            if (i == m.length() || m.charAt(i) == ' ') {
                String w = m.substring(start, i);
                out.append(w.length() > MAX + 40 ? w.substring(0, MAX) + "... (" + w.length() + " characters)" : w);
                if (i < m.length()) {
                    out.append(' ');
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    /**
     * A whole message made safe: each quoted run longer than {@link #MAX} is cut, newlines become spaces, and
     * the message as a whole is capped, so a long value pasted into any message stays short.
     */
    static String message(String m) {
        if (m == null) {
            return null;
        }
        String one = m.replace("\r", " ").replace('\n', ' ');
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < one.length()) {
            int q = one.indexOf('\'', i);
            if (q < 0) {
                out.append(one, i, one.length());
                break;
            }
            int end = one.indexOf('\'', q + 1);
            if (end < 0) {
                out.append(one, i, one.length());
                break;
            }
            out.append(one, i, q + 1);
            String inner = one.substring(q + 1, end);
            out.append(inner.length() > MAX ? inner.substring(0, MAX) + "... (" + inner.length() + " characters)" : inner);
            out.append('\'');
            i = end + 1;
        }
        String s = longWords(out.toString());
        int cap = 20 * MAX;
        return s.length() <= cap ? s : s.substring(0, cap) + "... (message cut at " + cap + " characters)";
    }
}
