package io.handshakematrix.matrix;

import java.util.List;

/**
 * Shell-style wildcards for expectation rules and --sender/--receiver filters: {@code *} any run of characters,
 * {@code ?} one character; every other character, {@code [ ] | . ( ) \} included, stands for itself (no
 * character classes, no alternation: stack names never need them, and a user's 'rhel-[7' must not become a
 * regex error). Matched by hand, never compiled to a regular expression: a backtracking regex takes seconds to
 * minutes on a pattern such as {@code *e*e*e*e*e*e*e*e*e*e*X}. This matcher backtracks only to the last
 * {@code *}, so its work is at most (pattern length x value length) and in practice one pass over the value.
 */
public record Glob(String text) {

    public static Glob of(String text) {
        return new Glob(text);
    }

    public boolean matches(String value) {
        String p = text;
        int pi = 0;
        int vi = 0;
        int star = -1; // position in p just after the last '*' seen
        int mark = 0;  // position in value where that '*' started matching
        while (vi < value.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == value.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = ++pi;
                mark = vi;
            } else if (star >= 0) {
                // the last '*' absorbs one more character; earlier stars need not move (their matches stay valid)
                pi = star;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    public static boolean anyMatches(List<Glob> globs, String value) {
        return globs.isEmpty() || globs.stream().anyMatch(g -> g.matches(value));
    }

    public boolean isWildcard() {
        return text.contains("*") || text.contains("?");
    }
}
