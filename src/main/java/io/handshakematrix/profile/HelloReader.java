package io.handshakematrix.profile;

import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a profile's {@code client_hello:} and {@code server_hello:} blocks. Every value is checked where it
 * is written: a suite that is neither an OpenSSL name nor four hex digits, an extension listed twice,
 * contents that do not parse as that extension, a curve the emulation lacks: one line, file:line.
 */
final class HelloReader {
    private static final Set<String> CLIENT = Set.of("source", "record_version", "cipher_suites", "compression",
            "extensions", "legacy_server", "legacy_server_source", "tls13_only_groups", "tls13_only_groups_source");
    private static final Set<String> EXTENSION = Set.of("type", "data");
    private static final Set<String> SERVER = Set.of("source", "echo", "ec_point_formats", "suite_order",
            "ske_signature", "legacy_client", "ecdh_curve", "ticket_lifetime_hint", "renegotiation", "session_id");

    private HelloReader() {}

    static ClientHelloProfile client(YamlNode node) {
        Map<String, YamlNode> m = node.entries(CLIENT);
        String source = node.need(m, "source").text();
        int recordVersion = hex16(node.need(m, "record_version"), "record_version");
        List<Integer> suites = new ArrayList<>();
        for (YamlNode s : node.need(m, "cipher_suites").items()) {
            int code = suite(s);
            if (suites.contains(code)) {
                throw s.error(s.path() + ": suite " + s.text() + " is listed twice; expected each suite once");
            }
            suites.add(code);
        }
        List<Integer> compression = new ArrayList<>();
        for (YamlNode c : node.need(m, "compression").itemsOrOne()) {
            compression.add(hexBytes(c, "compression method", 1)[0] & 0xFF);
        }
        List<HelloExtension> extensions = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        if (m.containsKey("extensions")) {
            for (YamlNode e : m.get("extensions").items()) {
                HelloExtension ext = extension(e);
                if (!seen.add(ext.type())) {
                    throw e.error(e.path() + ": extension " + ext.name() + " is listed twice; "
                            + "expected each extension once (RFC 5246 7.4.1.4)");
                }
                extensions.add(ext);
            }
        }
        boolean legacyServer = m.containsKey("legacy_server") && m.get("legacy_server").bool();
        if (legacyServer && !m.containsKey("legacy_server_source")) {
            throw m.get("legacy_server").error("client_hello.legacy_server needs client_hello.legacy_server_source");
        }
        List<Integer> tls13Only = new ArrayList<>();
        if (m.containsKey("tls13_only_groups")) {
            if (!m.containsKey("tls13_only_groups_source")) {
                throw m.get("tls13_only_groups").error("client_hello.tls13_only_groups needs client_hello.tls13_only_groups_source");
            }
            for (YamlNode g : m.get("tls13_only_groups").items()) {
                tls13Only.add(hex16(g, "tls13_only_groups entry"));
            }
        }
        return new ClientHelloProfile(recordVersion, List.copyOf(suites), List.copyOf(compression),
                List.copyOf(extensions), legacyServer, source, List.copyOf(tls13Only));
    }

    static ServerHelloProfile server(YamlNode node) {
        Map<String, YamlNode> m = node.entries(SERVER);
        String source = node.need(m, "source").text();
        List<Integer> echo = new ArrayList<>();
        for (YamlNode e : node.need(m, "echo").itemsOrOne()) {
            int type = extensionType(e);
            if (echo.contains(type)) {
                throw e.error(e.path() + ": extension " + e.text() + " is listed twice; expected each once");
            }
            echo.add(type);
        }
        byte[] pointFormats = m.containsKey("ec_point_formats")
                ? checkedData(m.get("ec_point_formats"), ClientHelloProfile.EC_POINT_FORMATS)
                : new byte[] {1, 0};
        boolean clientOrder = node.need(m, "suite_order").oneOf(Map.of("client", true, "server", false));
        ServerHelloProfile.SkeSignature ske = node.need(m, "ske_signature").oneOf(byName());
        boolean legacyClient = m.containsKey("legacy_client") && m.get("legacy_client").bool();
        int curve = m.containsKey("ecdh_curve") ? curve(m.get("ecdh_curve")) : 0x0017;
        long hint = m.containsKey("ticket_lifetime_hint") ? m.get("ticket_lifetime_hint").integer(0, Integer.MAX_VALUE) : 300;
        boolean renegotiation = m.containsKey("renegotiation")
                && m.get("renegotiation").oneOf(Map.of("accept", true, "refuse", false));
        boolean sessionIdWithTicket = m.containsKey("session_id")
                && m.get("session_id").oneOf(Map.of("empty_with_ticket", false, "always", true));
        return new ServerHelloProfile(List.copyOf(echo), pointFormats, clientOrder, ske, legacyClient, curve, hint,
                renegotiation, sessionIdWithTicket, source);
    }

    private static Map<String, ServerHelloProfile.SkeSignature> byName() {
        Map<String, ServerHelloProfile.SkeSignature> out = new LinkedHashMap<>();
        for (ServerHelloProfile.SkeSignature s : ServerHelloProfile.SkeSignature.values()) {
            out.put(s.yamlName(), s);
        }
        return out;
    }

    /** An OpenSSL name (ECDHE-RSA-AES256-GCM-SHA384) or the IANA code as four hex digits (c030). */
    private static int suite(YamlNode s) {
        String t = s.text().trim();
        if (CipherSuites.known(t)) {
            return CipherSuites.code(t);
        }
        if (t.matches("(0x)?[0-9a-fA-F]{4}")) {
            return Integer.parseInt(t.replaceFirst("^0x", ""), 16);
        }
        throw s.error(s.path() + ": expected an OpenSSL cipher suite name (ECDHE-RSA-AES256-GCM-SHA384) "
                + "or its code as four hex digits (c030), found '" + t + "'");
    }

    private static HelloExtension extension(YamlNode e) {
        Map<String, YamlNode> m = e.entries(EXTENSION);
        int type = extensionType(e.need(m, "type"));
        byte[] data = m.containsKey("data") && !m.get("data").isNullValue() ? checkedData(m.get("data"), type)
                : checkedEmpty(e, type);
        return new HelloExtension(type, data);
    }

    private static byte[] checkedEmpty(YamlNode e, int type) {
        return checked(e, type, new byte[0]);
    }

    private static byte[] checkedData(YamlNode d, int type) {
        return checked(d, type, hexBytes(d, TlsCodes.extensionName(type) + " data", -1));
    }

    /** The extension's contents must parse as that extension (RFC 4492 5.1, RFC 5246 7.4.1.4.1, RFC 6520 2). */
    private static byte[] checked(YamlNode at, int type, byte[] d) {
        String name = TlsCodes.extensionName(type);
        String problem = switch (type) {
            case ClientHelloProfile.EC_POINT_FORMATS, ClientHelloProfile.RENEGOTIATION_INFO ->
                    d.length < 1 || (d[0] & 0xFF) != d.length - 1 ? "a one-byte length then that many bytes" : null;
            case ClientHelloProfile.SUPPORTED_GROUPS, ClientHelloProfile.SIGNATURE_ALGORITHMS ->
                    d.length < 4 || u16(d, 0) != d.length - 2 || d.length % 2 != 0
                            ? "a two-byte length then that many bytes of two-byte entries" : null;
            case ClientHelloProfile.HEARTBEAT -> d.length != 1 || (d[0] != 1 && d[0] != 2)
                    ? "one byte: 01 (peer_allowed_to_send) or 02 (peer_not_allowed_to_send)" : null;
            case ClientHelloProfile.EXTENDED_MASTER_SECRET, ClientHelloProfile.ENCRYPT_THEN_MAC ->
                    d.length != 0 ? "no data (RFC 7627 / RFC 7366: the extension is empty)" : null;
            default -> null;
        };
        if (problem != null) {
            throw at.error(at.path() + ": " + name + " data '" + HexFormat.of().formatHex(d) + "' does not parse; expected "
                    + problem);
        }
        if (type == ClientHelloProfile.SUPPORTED_GROUPS) {
            for (int code : ClientHelloProfile.u16List(d, 2)) {
                TlsCodes.NamedGroup g = TlsCodes.group(code).orElseThrow(() -> at.error(at.path()
                        + ": unknown named group " + String.format("%04x", code) + " in " + name
                        + "; expected codes from tls/named-groups.txt such as 0017 (secp256r1)"));
                if (!g.emulated()) {
                    throw at.error(at.path() + ": curve " + g.name() + " (" + String.format("%04x", code)
                            + ") is not emulated (BouncyCastle TLS lacks it); expected one of " + emulatedCurves());
                }
            }
        }
        return d;
    }

    private static int curve(YamlNode n) {
        String t = n.text().trim();
        for (TlsCodes.NamedGroup g : TlsCodes.groups().values()) {
            if (g.name().equals(t) || g.displayName().equals(t)) {
                if (!g.emulated()) {
                    throw n.error(n.path() + ": curve " + t + " is not emulated; expected one of " + emulatedCurves());
                }
                return g.code();
            }
        }
        throw n.error(n.path() + ": unknown curve '" + t + "'; expected one of " + emulatedCurves());
    }

    private static String emulatedCurves() {
        return String.join(", ", TlsCodes.groups().values().stream().filter(TlsCodes.NamedGroup::emulated)
                .filter(g -> g.code() < 0x100) // curves; the ffdhe groups are finite-field
                .map(TlsCodes.NamedGroup::name).toList());
    }

    private static int extensionType(YamlNode n) {
        String t = n.text().trim();
        return TlsCodes.extension(t).orElseGet(() -> {
            if (t.matches("[0-9]{1,5}") && Integer.parseInt(t) <= 0xFFFF) {
                return Integer.parseInt(t);
            }
            throw n.error(n.path() + ": unknown extension '" + t + "'; expected an IANA name such as "
                    + "ec_point_formats, elliptic_curves, session_ticket, signature_algorithms, heartbeat, "
                    + "extended_master_secret, encrypt_then_mac, or a decimal type number");
        });
    }

    private static int hex16(YamlNode n, String what) {
        byte[] b = hexBytes(n, what, 2);
        return u16(b, 0);
    }

    /** Hex digits, spaces allowed between bytes ("001e 0601 0602"); {@code length} -1 = any. */
    private static byte[] hexBytes(YamlNode n, String what, int length) {
        String t = n.text().replace(" ", "");
        if (!t.matches("([0-9a-fA-F]{2})*") || (length >= 0 && t.length() != 2 * length)) {
            throw n.error(n.path() + ": " + what + ": expected " + (length >= 0 ? length + " byte(s) as " : "")
                    + "hex digits (two per byte, spaces allowed between bytes), found '" + n.text() + "'");
        }
        return HexFormat.of().parseHex(t);
    }

    private static int u16(byte[] d, int at) {
        return ((d[at] & 0xFF) << 8) | (d[at + 1] & 0xFF);
    }
}
