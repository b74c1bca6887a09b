package io.handshakematrix.engine.shim;

import java.util.Map;
import java.util.Optional;

/**
 * OpenSSL cipher suite names (profiles, matrix.yaml, the shim protocol) to the RFC names JSSE and BCJSSE use,
 * for the suites model.CipherSuites knows; the child JVM's shim translates with it (it has only the shim jar). The IANA registry's names, e.g. DHE-RSA-AES256-SHA = TLS_DHE_RSA_WITH_AES_256_CBC_SHA.
 */
public final class StandardSuiteNames {
    private static final Map<String, String> BY_OPENSSL = Map.ofEntries(
            Map.entry("AES256-SHA", "TLS_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry("AES128-SHA", "TLS_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry("DES-CBC3-SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry("AES256-SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256"),
            Map.entry("AES128-SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry("AES256-GCM-SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("AES128-GCM-SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("CAMELLIA256-SHA", "TLS_RSA_WITH_CAMELLIA_256_CBC_SHA"),
            Map.entry("CAMELLIA128-SHA", "TLS_RSA_WITH_CAMELLIA_128_CBC_SHA"),
            Map.entry("SEED-SHA", "TLS_RSA_WITH_SEED_CBC_SHA"),
            Map.entry("IDEA-CBC-SHA", "TLS_RSA_WITH_IDEA_CBC_SHA"),
            Map.entry("RC4-SHA", "SSL_RSA_WITH_RC4_128_SHA"),
            Map.entry("RC4-MD5", "SSL_RSA_WITH_RC4_128_MD5"),
            Map.entry("DHE-RSA-AES256-SHA", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA"),
            Map.entry("DHE-RSA-AES128-SHA", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA"),
            Map.entry("EDH-RSA-DES-CBC3-SHA", "SSL_DHE_RSA_WITH_3DES_EDE_CBC_SHA"),
            Map.entry("DHE-RSA-AES256-SHA256", "TLS_DHE_RSA_WITH_AES_256_CBC_SHA256"),
            Map.entry("DHE-RSA-AES128-SHA256", "TLS_DHE_RSA_WITH_AES_128_CBC_SHA256"),
            Map.entry("DHE-RSA-AES256-GCM-SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"),
            Map.entry("DHE-RSA-AES128-GCM-SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"),
            Map.entry("DHE-RSA-CAMELLIA256-SHA", "TLS_DHE_RSA_WITH_CAMELLIA_256_CBC_SHA"),
            Map.entry("DHE-RSA-CAMELLIA128-SHA", "TLS_DHE_RSA_WITH_CAMELLIA_128_CBC_SHA"),
            Map.entry("DHE-RSA-SEED-SHA", "TLS_DHE_RSA_WITH_SEED_CBC_SHA"));

    private StandardSuiteNames() {}

    public static String standard(String openssl) {
        String s = BY_OPENSSL.get(openssl);
        if (s == null) {
            throw new IllegalArgumentException("no standard name for " + openssl);
        }
        return s;
    }

    /** The OpenSSL name of a negotiated suite; the standard name itself when it is not one of ours (e.g. ECDHE). */
    public static String openssl(String standard) {
        Optional<String> o = BY_OPENSSL.entrySet().stream().filter(e -> e.getValue().equals(standard))
                .map(Map.Entry::getKey).findFirst();
        return o.orElse(standard);
    }
}
