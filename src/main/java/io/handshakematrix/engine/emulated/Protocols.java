package io.handshakematrix.engine.emulated;

import java.util.List;
import java.util.Map;
import org.bouncycastle.tls.ProtocolVersion;

/** JSSE-style protocol names to BouncyCastle versions; SSLv3 is not emulated (BC dropped it). */
final class Protocols {
    private static final Map<String, ProtocolVersion> VERSIONS = Map.of(
            "TLSv1", ProtocolVersion.TLSv10, "TLSv1.1", ProtocolVersion.TLSv11, "TLSv1.2", ProtocolVersion.TLSv12,
            "TLSv1.3", ProtocolVersion.TLSv13);
    private static final List<String> ORDER = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    /** A cell's protocol that caps nothing: what the two stacks negotiate by default (docs/stacks.md). */
    static final String DEFAULT = "default";

    private Protocols() {}

    /** The versions a stack offers, newest first, capped at {@code max} (null = no cap); empty if none. */
    static ProtocolVersion[] supported(List<String> profileProtocols, String max) {
        int cap = max == null || max.equals(DEFAULT) ? ORDER.size() - 1 : ORDER.indexOf(max);
        return ORDER.stream().filter(profileProtocols::contains).filter(p -> ORDER.indexOf(p) <= cap)
                .sorted((a, b) -> ORDER.indexOf(b) - ORDER.indexOf(a)).map(VERSIONS::get)
                .toArray(ProtocolVersion[]::new);
    }

    static boolean isTls13(ProtocolVersion[] offered) {
        return java.util.Arrays.asList(offered).contains(ProtocolVersion.TLSv13);
    }

    static String name(ProtocolVersion v) {
        return VERSIONS.entrySet().stream().filter(e -> e.getValue().equals(v)).map(Map.Entry::getKey).findFirst()
                .orElse(v.toString());
    }
}
