package io.handshakematrix.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OpenSSL cipher suite names and their IANA code points (RFC 5246 appendix A.5, RFC 5288, RFC 5289).
 * Only RSA and DHE-RSA key exchange for now: the two settings of RECEIVE_SIDE. A name missing here is
 * a profile error, so typos do not silently shrink a stack's offer.
 */
public final class CipherSuites {
    private static final Map<String, Integer> CODES = new LinkedHashMap<>();

    static {
        CODES.put("AES256-SHA", 0x0035);
        CODES.put("AES128-SHA", 0x002F);
        CODES.put("DES-CBC3-SHA", 0x000A);
        CODES.put("AES256-SHA256", 0x003D);
        CODES.put("AES128-SHA256", 0x003C);
        CODES.put("AES256-GCM-SHA384", 0x009D);
        CODES.put("AES128-GCM-SHA256", 0x009C);
        CODES.put("CAMELLIA256-SHA", 0x0084);
        CODES.put("CAMELLIA128-SHA", 0x0041);
        CODES.put("SEED-SHA", 0x0096);
        CODES.put("IDEA-CBC-SHA", 0x0007);
        CODES.put("RC4-SHA", 0x0005);
        CODES.put("RC4-MD5", 0x0004);
        CODES.put("DHE-RSA-AES256-SHA", 0x0039);
        CODES.put("DHE-RSA-AES128-SHA", 0x0033);
        CODES.put("EDH-RSA-DES-CBC3-SHA", 0x0016);
        CODES.put("DHE-RSA-AES256-SHA256", 0x006B);
        CODES.put("DHE-RSA-AES128-SHA256", 0x0067);
        CODES.put("DHE-RSA-AES256-GCM-SHA384", 0x009F);
        CODES.put("DHE-RSA-AES128-GCM-SHA256", 0x009E);
        CODES.put("DHE-RSA-CAMELLIA256-SHA", 0x0088);
        CODES.put("DHE-RSA-CAMELLIA128-SHA", 0x0045);
        CODES.put("DHE-RSA-SEED-SHA", 0x009A);
    }

    private CipherSuites() {}

    public static boolean known(String opensslName) {
        return CODES.containsKey(opensslName);
    }

    public static int code(String opensslName) {
        Integer c = CODES.get(opensslName);
        if (c == null) {
            throw new IllegalArgumentException("unknown cipher suite " + opensslName);
        }
        return c;
    }

    public static Optional<String> name(int code) {
        return CODES.entrySet().stream().filter(e -> e.getValue() == code).map(Map.Entry::getKey).findFirst();
    }

    public static boolean isDhe(String opensslName) {
        return opensslName.startsWith("DHE-") || opensslName.startsWith("EDH-");
    }

    public static Iterable<String> names() { return CODES.keySet(); }
}
