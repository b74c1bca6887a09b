package io.handshakematrix.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OpenSSL cipher suite names and their IANA code points, read from the data file {@code tls/cipher-suites.txt}
 * (every suite the RHEL builds offer, including those the emulation cannot complete). A name missing here
 * is a profile error, so typos do not silently shrink a stack's offer.
 */
public final class CipherSuites {
    /** RFC 5746 3.3: a "suite" that only signals secure renegotiation. */
    public static final int RENEGOTIATION_SCSV = 0x00FF;
    /** A receiver's settings name no suite: it serves its stack's DEFAULT list, as a stock s_server does. */
    public static final java.util.List<String> STACK_DEFAULT = java.util.List.of("DEFAULT");
    private static final Map<String, Integer> CODES = load();
    private static final Map<Integer, String> NAMES = invert(CODES);

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
        return Optional.ofNullable(NAMES.get(code));
    }

    /** The OpenSSL name, or {@code 0xC030} for a code point the table lacks. */
    public static String nameOrHex(int code) {
        return name(code).orElse(String.format("0x%04X", code));
    }

    /** Ephemeral finite-field DH (DHE-RSA, DHE-DSS; OpenSSL spells some EDH-). */
    public static boolean isDhe(String opensslName) {
        return opensslName.startsWith("DHE-") || opensslName.startsWith("EDH-");
    }

    /** Ephemeral elliptic-curve DH (ECDHE-RSA, ECDHE-ECDSA). */
    public static boolean isEcdhe(String opensslName) {
        return opensslName.startsWith("ECDHE-");
    }

    /** Signed with an ECDSA certificate (ECDHE-ECDSA-*). */
    public static boolean isEcdsa(String opensslName) {
        return opensslName.startsWith("ECDHE-ECDSA-");
    }

    public static Iterable<String> names() { return CODES.keySet(); }

    private static Map<String, Integer> load() {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (InputStream in = CipherSuites.class.getResourceAsStream("/tls/cipher-suites.txt")) {
            if (in == null) {
                throw new IllegalStateException("tls/cipher-suites.txt missing from the jar");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String l = line.trim();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] f = l.split("\\s+");
                out.put(f[1], Integer.parseInt(f[0], 16));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<Integer, String> invert(Map<String, Integer> m) {
        Map<Integer, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(v, k));
        return Collections.unmodifiableMap(out);
    }
}
