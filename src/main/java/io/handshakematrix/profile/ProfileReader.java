package io.handshakematrix.profile;

import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.TlsAlerts;
import io.handshakematrix.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Turns one profile YAML document into a {@link StackProfile}, rejecting unknown keys and sourceless facts. */
final class ProfileReader {
    static final Set<String> PROTOCOLS = Set.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final Set<String> TOP = Set.of("id", "description", "library", "version_string", "source",
            "fips", "protocols", "cipher_suites", "client", "server", "jvm", "client_hello", "server_hello", "policies");
    private static final Set<String> CLIENT = Set.of("dh_min_bits", "dh_min_bits_source", "min_dh_bits_override",
            "checks", "log");
    private static final Set<String> SERVER = Set.of("default_dh_group", "default_dh_group_source", "unusable_dh",
            "unusable_certificate", "log", "dh_configurable", "dh_configurable_source", "dhe_needs_ffdhe_group", "dhe_needs_ffdhe_group_source");
    private static final Set<String> POLICIES = Set.of("release", "source");
    private static final Set<String> CHECK = Set.of("check", "stage", "alert", "error", "bits", "source");
    private static final Set<String> RULE = Set.of("when", "bits", "action", "alert", "error", "source");
    private static final Set<String> OVERRIDE = Set.of("setting", "file", "floor", "ceiling", "source");
    private static final Set<String> JVM = Set.of("runtime", "provider", "security_properties", "system_properties",
            "source");
    private static final Set<String> LOG = Set.of("alert_received", "peer_closed", "peer_closed_alert",
            "peer_closed_alert_source", "no_shared_cipher",
            "protocol_mismatch", "no_enabled_cipher", "alert_received_after_client_hello");

    private ProfileReader() {}

    static StackProfile read(YamlNode root, String expectedId, CryptoPolicies policies) {
        Map<String, YamlNode> top = root.entries(TOP);
        String release = top.containsKey("policies") ? policyRelease(top.get("policies"), policies) : null;
        String id = root.need(top, "id").text();
        if (!id.matches("[a-z0-9][a-z0-9._-]*")) {
            throw top.get("id").error("id: expected lower-case letters, digits, '.', '_' or '-', found '" + id + "'");
        }
        if (expectedId != null && !id.equals(expectedId)) {
            throw top.get("id").error("id '" + id + "' does not match the file name; expected '" + expectedId + "'");
        }
        List<String> protocols = root.need(top, "protocols").texts();
        ProfileValueChecks.notEmpty(top.get("protocols"), protocols, "protocols");
        for (int i = 0; i < protocols.size(); i++) {
            if (!PROTOCOLS.contains(protocols.get(i))) {
                throw top.get("protocols").itemsOrOne().get(i).error("protocols: expected one of "
                        + sortedJoin(PROTOCOLS) + ", found '" + protocols.get(i) + "'");
            }
        }
        List<YamlNode> suiteNodes = root.need(top, "cipher_suites").itemsOrOne();
        ProfileValueChecks.notEmpty(top.get("cipher_suites"), suiteNodes, "cipher_suites");
        for (YamlNode s : suiteNodes) {
            if (!CipherSuites.known(s.text())) {
                throw s.error("cipher_suites: unknown OpenSSL cipher suite name '" + s.text()
                        + "'; expected names such as AES256-SHA, DHE-RSA-AES256-SHA");
            }
        }
        return new StackProfile(id,
                optionalText(top, "description", ""),
                root.need(top, "library").text(),
                optionalText(top, "version_string", ""),
                root.need(top, "source").text(),
                top.containsKey("fips") && top.get("fips").bool(),
                protocols,
                suiteNodes.stream().map(YamlNode::text).toList(),
                client(root.need(top, "client")),
                server(root.need(top, "server"), release != null),
                root.file(),
                top.containsKey("jvm") ? jvm(top.get("jvm")) : null,
                top.containsKey("client_hello") ? HelloReader.client(top.get("client_hello")) : null,
                top.containsKey("server_hello") ? HelloReader.server(top.get("server_hello")) : null,
                release);
    }

    /** {@code policies: {release: rhel-9, source: ...}}: the release must be one whose policies are known. */
    private static String policyRelease(YamlNode node, CryptoPolicies policies) {
        Map<String, YamlNode> m = node.entries(POLICIES);
        node.need(m, "source");
        YamlNode r = node.need(m, "release");
        if (!policies.hasRelease(r.text())) {
            throw r.error(r.path() + ": no crypto policies for release '" + r.text() + "'; expected one of "
                    + String.join(", ", policies.releases()));
        }
        return r.text();
    }

    private static ClientPolicy client(YamlNode node) {
        Map<String, YamlNode> m = node.entries(CLIENT);
        int minBits = m.containsKey("dh_min_bits") ? m.get("dh_min_bits").integer(0, 100_000) : 0;
        String minSource = optionalText(m, "dh_min_bits_source", null);
        if (minBits > 0 && minSource == null) {
            throw m.get("dh_min_bits").error("client.dh_min_bits needs client.dh_min_bits_source (where the fact comes from)");
        }
        MinDhBitsOverride override = null;
        if (m.containsKey("min_dh_bits_override")) {
            YamlNode o = m.get("min_dh_bits_override");
            Map<String, YamlNode> om = o.entries(OVERRIDE);
            override = new MinDhBitsOverride(o.need(om, "setting").text(), optionalText(om, "file", ""),
                    o.need(om, "floor").integer(0, 100_000), o.need(om, "ceiling").integer(0, 100_000),
                    o.need(om, "source").text());
            ProfileValueChecks.floorNotAboveCeiling(o, override);
        }
        List<DhCheck> checks = new ArrayList<>();
        if (m.containsKey("checks")) {
            CheckStage last = CheckStage.SERVER_KEY_EXCHANGE;
            for (YamlNode c : m.get("checks").items()) {
                DhCheck check = check(c, minBits);
                if (check.stage().ordinal() < last.ordinal()) {
                    throw c.error(c.path() + ": stage " + check.stage().yamlName() + " comes after a check at "
                            + last.yamlName() + "; list checks in the order the stack runs them");
                }
                last = check.stage();
                checks.add(check);
            }
        }
        return new ClientPolicy(minBits, minSource, override, List.copyOf(checks),
                m.containsKey("log") ? log(m.get("log")) : LogLines.NONE);
    }

    private static DhCheck check(YamlNode node, int profileMinBits) {
        Map<String, YamlNode> m = node.entries(CHECK);
        CheckKind kind = node.need(m, "check").oneOf(byName(CheckKind.values(), CheckKind::yamlName));
        CheckStage stage = node.need(m, "stage").oneOf(byName(CheckStage.values(), CheckStage::yamlName));
        Integer bits = m.containsKey("bits") ? m.get("bits").integer(1, 100_000) : null;
        if (kind == CheckKind.MIN_BITS && bits == null && profileMinBits <= 0) {
            throw node.error(node.path() + ": min_bits needs client.dh_min_bits or bits");
        }
        if ((kind == CheckKind.MAX_BITS || kind == CheckKind.MIN_MODULUS_BITS) && bits == null) {
            throw node.error(node.path() + ": " + kind.yamlName() + " needs bits");
        }
        return new DhCheck(kind, stage, alert(node.need(m, "alert")), node.need(m, "error").texts(), bits,
                node.need(m, "source").text());
    }

    private static ServerPolicy server(YamlNode node, boolean hasPolicies) {
        Map<String, YamlNode> m = node.entries(SERVER);
        List<ServerDhRule> rules = new ArrayList<>();
        if (m.containsKey("unusable_dh")) {
            for (YamlNode r : m.get("unusable_dh").items()) {
                rules.add(rule(r, hasPolicies));
            }
        }
        List<ServerCertificateRule> certificate = new ArrayList<>();
        if (m.containsKey("unusable_certificate")) {
            for (YamlNode r : m.get("unusable_certificate").items()) {
                certificate.add(certificateRule(r, hasPolicies));
            }
        }
        String group = node.need(m, "default_dh_group").text();
        ProfileValueChecks.knownGroup(m.get("default_dh_group"));
        boolean configurable = !m.containsKey("dh_configurable") || m.get("dh_configurable").bool();
        if (!configurable && optionalText(m, "dh_configurable_source", null) == null) {
            throw m.get("dh_configurable").error("server.dh_configurable needs server.dh_configurable_source");
        }
        boolean needsFfdhe = m.containsKey("dhe_needs_ffdhe_group") && m.get("dhe_needs_ffdhe_group").bool();
        if (needsFfdhe && optionalText(m, "dhe_needs_ffdhe_group_source", null) == null) {
            throw m.get("dhe_needs_ffdhe_group").error("server.dhe_needs_ffdhe_group needs server.dhe_needs_ffdhe_group_source");
        }
        return new ServerPolicy(group, optionalText(m, "default_dh_group_source", ""), List.copyOf(rules),
                m.containsKey("log") ? log(m.get("log")) : LogLines.NONE, configurable, needsFfdhe, List.copyOf(certificate));
    }

    /**
     * One {@code unusable_certificate} entry: {@code when: rsa_bits_below}, {@code bits} (a number, or {@code policy}
     * for the policy's min_rsa_bits), {@code action: refuse_to_load} (the only thing OpenSSL does with it: the
     * certificate is refused when loaded), its error lines and source.
     */
    private static ServerCertificateRule certificateRule(YamlNode node, boolean hasPolicies) {
        Map<String, YamlNode> m = node.entries(RULE);
        node.need(m, "when").oneOf(Map.of(ServerCertificateRule.NAME, ServerCertificateRule.NAME));
        node.need(m, "action").oneOf(Map.of("refuse_to_load", "refuse_to_load"));
        boolean policyBits = node.need(m, "bits").text().equals("policy");
        if (policyBits && !hasPolicies) {
            throw m.get("bits").error(node.path() + ".bits: 'policy' needs the profile's policies: block (a stack "
                    + "without crypto policies has no policy minimum); expected a number");
        }
        int bits = policyBits ? ServerCertificateRule.POLICY_MIN_RSA : m.get("bits").integer(1, 100_000);
        return new ServerCertificateRule(bits, node.need(m, "error").texts(), node.need(m, "source").text());
    }

    private static ServerDhRule rule(YamlNode node, boolean hasPolicies) {
        Map<String, YamlNode> m = node.entries(RULE);
        ServerDhRule.Condition when = node.need(m, "when")
                .oneOf(byName(ServerDhRule.Condition.values(), ServerDhRule.Condition::yamlName));
        boolean policyBits = m.containsKey("bits") && m.get("bits").text().equals("policy");
        if (policyBits && !hasPolicies) {
            throw m.get("bits").error(node.path() + ".bits: 'policy' needs the profile's policies: block (a stack "
                    + "without crypto policies has no policy minimum); expected a number");
        }
        int bits = policyBits ? ServerDhRule.POLICY_MIN_DH
                : m.containsKey("bits") ? m.get("bits").integer(1, 100_000) : 0;
        if (when == ServerDhRule.Condition.P_BITS_BELOW && bits == 0) {
            throw node.error(node.path() + ": p_bits_below needs bits");
        }
        ServerDhRule.Action action = node.need(m, "action")
                .oneOf(byName(ServerDhRule.Action.values(), ServerDhRule.Action::yamlName));
        Integer alert = m.containsKey("alert") ? alert(m.get("alert")) : null;
        if (action == ServerDhRule.Action.SEND_ALERT && alert == null) {
            throw node.error(node.path() + ": send_alert needs alert");
        }
        return new ServerDhRule(when, bits, action, alert,
                m.containsKey("error") ? m.get("error").texts() : List.of(), node.need(m, "source").text());
    }

    /** The {@code jvm:} block: how the jvm engine launches the real stack. */
    private static JvmLaunch jvm(YamlNode node) {
        Map<String, YamlNode> m = node.entries(JVM);
        int runtime = node.need(m, "runtime").integer(8, 1000);
        String provider = node.need(m, "provider")
                .oneOf(Map.of(JvmLaunch.SUNJSSE, JvmLaunch.SUNJSSE, JvmLaunch.BC_FIPS, JvmLaunch.BC_FIPS));
        return new JvmLaunch(runtime, provider, properties(m.get("security_properties")),
                properties(m.get("system_properties")), node.need(m, "source").text());
    }

    private static Map<String, String> properties(YamlNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null) {
            node.entries().forEach((k, v) -> out.put(k, v.text()));
        }
        return Map.copyOf(out);
    }

    private static LogLines log(YamlNode node) {
        Map<String, YamlNode> m = node.entries(LOG);
        m.values().forEach(ProfileValueChecks::knownPlaceholders);
        Function<String, List<String>> lines = k -> m.containsKey(k) ? m.get(k).texts() : List.of();
        List<String> peerClosed = !m.containsKey("peer_closed") ? null
                : m.get("peer_closed").isList() && m.get("peer_closed").items().isEmpty() ? List.of()
                : m.get("peer_closed").texts();
        Integer closedAlert = m.containsKey("peer_closed_alert") ? alert(m.get("peer_closed_alert")) : null;
        if (m.containsKey("peer_closed_alert") && !m.containsKey("peer_closed_alert_source")) {
            throw m.get("peer_closed_alert").error("log.peer_closed_alert needs log.peer_closed_alert_source");
        }
        return new LogLines(lines.apply("alert_received"), peerClosed,
                lines.apply("no_shared_cipher"), lines.apply("protocol_mismatch"), lines.apply("no_enabled_cipher"),
                lines.apply("alert_received_after_client_hello"), closedAlert);
    }

    /** An alert by RFC name or number, or {@code none} (the stack closes without an alert): null. */
    private static Integer alert(YamlNode node) {
        String t = node.text().trim();
        if (t.equals("none")) {
            return null;
        }
        int code = TlsAlerts.code(t);
        if (code < 0) {
            throw node.error(node.path() + ": expected an alert name (handshake_failure, decode_error, ...), "
                    + "a number, or none; found '" + t + "'");
        }
        return code;
    }


    private static String optionalText(Map<String, YamlNode> m, String key, String dflt) {
        return m.containsKey(key) && !m.get(key).isNullValue() ? m.get(key).text() : dflt;
    }

    private static <E> Map<String, E> byName(E[] values, Function<E, String> name) {
        Map<String, E> out = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> out.put(name.apply(v), v));
        return out;
    }

    private static String sortedJoin(Set<String> s) {
        return s.stream().sorted().collect(Collectors.joining(", "));
    }
}
