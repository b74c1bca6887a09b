package io.handshakematrix.matrix;

import java.util.List;
import java.util.regex.Pattern;

/** Shell-style wildcards for expectation rules: {@code *} any run of characters, {@code ?} one. */
record Glob(String text, Pattern pattern) {

    static Glob of(String text) {
        StringBuilder re = new StringBuilder();
        for (char c : text.toCharArray()) {
            re.append(switch (c) {
                case '*' -> ".*";
                case '?' -> ".";
                default -> Pattern.quote(String.valueOf(c));
            });
        }
        return new Glob(text, Pattern.compile(re.toString()));
    }

    boolean matches(String value) {
        return pattern.matcher(value).matches();
    }

    static boolean anyMatches(List<Glob> globs, String value) {
        return globs.isEmpty() || globs.stream().anyMatch(g -> g.matches(value));
    }

    boolean isWildcard() {
        return text.contains("*") || text.contains("?");
    }
}
