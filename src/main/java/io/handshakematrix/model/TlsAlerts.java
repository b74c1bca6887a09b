package io.handshakematrix.model;

import java.util.Map;
import java.util.TreeMap;

/** RFC 5246/8446 alert descriptions by number, the names profiles and matrix.yaml use. */
public final class TlsAlerts {
    private static final Map<Integer, String> NAMES = new TreeMap<>();

    static {
        NAMES.put(0, "close_notify");
        NAMES.put(10, "unexpected_message");
        NAMES.put(20, "bad_record_mac");
        NAMES.put(22, "record_overflow");
        NAMES.put(40, "handshake_failure");
        NAMES.put(42, "bad_certificate");
        NAMES.put(43, "unsupported_certificate");
        NAMES.put(46, "certificate_unknown");
        NAMES.put(47, "illegal_parameter");
        NAMES.put(48, "unknown_ca");
        NAMES.put(50, "decode_error");
        NAMES.put(51, "decrypt_error");
        NAMES.put(70, "protocol_version");
        NAMES.put(71, "insufficient_security");
        NAMES.put(80, "internal_error");
        NAMES.put(86, "inappropriate_fallback");
        NAMES.put(90, "user_canceled");
        NAMES.put(109, "missing_extension");
        NAMES.put(110, "unsupported_extension");
    }

    private TlsAlerts() {}

    public static String name(int code) {
        return NAMES.getOrDefault(code, "alert_" + code);
    }

    /** Code for a name or a number; -1 if unknown. */
    public static int code(String nameOrNumber) {
        String s = nameOrNumber.trim();
        if (s.matches("\\d{1,3}")) {
            int n = Integer.parseInt(s);
            return NAMES.containsKey(n) ? n : -1;
        }
        return NAMES.entrySet().stream().filter(e -> e.getValue().equals(s)).map(Map.Entry::getKey)
                .findFirst().orElse(-1);
    }

    public static Iterable<String> names() { return NAMES.values(); }
}
