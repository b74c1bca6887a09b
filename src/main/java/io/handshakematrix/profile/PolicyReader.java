package io.handshakematrix.profile;

import io.handshakematrix.yaml.YamlNode;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads a policy level file or a module file, rejecting unknown keys, sourceless files and impossible values. */
final class PolicyReader {
    private static final Set<String> LEVEL = Set.of("release", "level", "source", "seclevel", "min_dh_bits",
            "min_rsa_bits", "protocols", "key_exchanges", "cbc_suites", "sha1_signatures", "named_groups_only", "groups",
            "tls13_suites");
    private static final Set<String> RANGE = Set.of("min", "max");
    private static final Set<String> MODULE = Set.of("release", "module", "source", "sha1_signatures", "tls");

    private PolicyReader() {}

    static CryptoPolicy level(YamlNode root) {
        Map<String, YamlNode> m = root.entries(LEVEL);
        YamlNode range = root.need(m, "protocols");
        Map<String, YamlNode> r = range.entries(RANGE);
        Map<String, String> protocols = new LinkedHashMap<>();
        CryptoPolicy.PROTOCOL_ORDER.forEach(p -> protocols.put(p, p));
        String min = range.need(r, "min").oneOf(protocols);
        String max = range.need(r, "max").oneOf(protocols);
        if (CryptoPolicy.PROTOCOL_ORDER.indexOf(min) > CryptoPolicy.PROTOCOL_ORDER.indexOf(max)) {
            throw range.error(range.path() + ": min " + min + " is above max " + max
                    + "; expected a non-empty protocol range (min <= max)");
        }
        Map<String, CryptoPolicy.KeyExchange> kxNames = new LinkedHashMap<>();
        for (CryptoPolicy.KeyExchange k : CryptoPolicy.KeyExchange.values()) {
            kxNames.put(k.name(), k);
        }
        Set<CryptoPolicy.KeyExchange> kx = EnumSet.noneOf(CryptoPolicy.KeyExchange.class);
        for (YamlNode k : root.need(m, "key_exchanges").itemsOrOne()) {
            kx.add(k.oneOf(kxNames));
        }
        return new CryptoPolicy(root.need(m, "release").text(), root.need(m, "level").text(),
                root.need(m, "source").text(), root.need(m, "seclevel").integer(0, 5),
                root.need(m, "min_dh_bits").integer(0, 100_000), root.need(m, "min_rsa_bits").integer(0, 100_000),
                min, max, Set.copyOf(kx), root.need(m, "cbc_suites").bool(), root.need(m, "sha1_signatures").bool(),
                m.containsKey("named_groups_only") && m.get("named_groups_only").bool(),
                root.need(m, "groups").texts(), root.need(m, "tls13_suites").texts(), root.file());
    }

    static PolicyModule module(YamlNode root) {
        Map<String, YamlNode> m = root.entries(MODULE);
        Boolean sha1 = m.containsKey("sha1_signatures") ? m.get("sha1_signatures").bool() : null;
        boolean tls = root.need(m, "tls").bool();
        if (!tls && sha1 != null) {
            throw m.get("sha1_signatures").error("sha1_signatures: a module with tls: false changes nothing in TLS; "
                    + "expected no TLS setting");
        }
        return new PolicyModule(root.need(m, "module").text(), root.need(m, "source").text(), sha1);
    }

    static String release(YamlNode root) {
        return root.need(root.entries(), "release").text();
    }
}
