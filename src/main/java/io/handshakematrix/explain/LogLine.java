package io.handshakematrix.explain;

import io.handshakematrix.config.ProductSupport;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line from a customer's log, as the TLS library printed it: the product's prefix (data in the product
 * profile) and OpenSSL's thread-id prefix ({@code 140234:error:...}, {@code 80DBDA2FFD7E0000:error:...}) taken off.
 * {@code wrapped} is true when a product prefix was found around it.
 */
public record LogLine(String raw, String text, boolean wrapped) {
    /** OpenSSL's own line wherever it sits: from {@code error:CODE:} up to a wrapper's {@code <>} or its end. */
    private static final Pattern OPENSSL_LINE = Pattern.compile("error:[0-9A-Fa-f]{8}:[^<>]*?(?=\\s+value\\s*=|[<>]|$)");

    public static LogLine of(String raw, ProductSupport product) {
        String line = raw.strip();
        var inner = product.unwrap(line);
        String text = inner.orElse(line);
        Matcher m = OPENSSL_LINE.matcher(text);
        if (m.find() && (m.start() > 0 || m.end() < text.length())) {
            // a thread id, timestamp or host before the OpenSSL line, a wrapper's '>' or 'value = N' after it
            text = m.group().strip();
        }
        return new LogLine(raw, text.strip(), inner.isPresent());
    }

    /** Whether this customer line is the known line a stack printed in the matrix (one line of a side's errors). */
    public boolean matches(String known) {
        String a = text.toLowerCase(Locale.ROOT);
        String b = known.toLowerCase(Locale.ROOT);
        if (a.isEmpty()) {
            return false;
        }
        String ra = reason(a);
        String rb = reason(b);
        if (ra != null && rb != null && code(a).equals(code(b))) {
            return true; // the same error code: the same error whatever the reason's case or the file:line
        }
        if (ra != null && rb != null) {
            return ra.equals(rb); // same OpenSSL reason; function case and file:line differ between builds
        }
        if (a.length() >= 8 && b.contains(a)) {
            return true; // a part of the line: "ssl3_get_key_exchange:bad dh g value"
        }
        return rb == null && b.length() >= 12 && a.contains(b); // a JSSE or GnuTLS message inside a longer line
    }

    /** The reason field of an OpenSSL error line ({@code error:CODE:LIB:FUNC:REASON[:FILE:LINE:...]}), else null. */
    static String reason(String lowerLine) {
        if (!lowerLine.matches("error:[0-9a-f]{8}:.*")) {
            return null;
        }
        String[] f = lowerLine.split(":", -1);
        return f.length > 4 ? f[4].strip() : null;
    }

    /** The 8-hex-digit code of an OpenSSL line. */
    private static String code(String lowerLine) {
        return lowerLine.substring(6, 14);
    }

    /** Words for "nearest known lines": lower-case tokens without hex codes and file:line. */
    java.util.Set<String> words() {
        return words(text);
    }

    static java.util.Set<String> words(String s) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : s.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
            if (w.length() > 1 && !w.matches("[0-9a-f]{6,}|\\d+")) {
                out.add(w);
            }
        }
        return out;
    }
}
