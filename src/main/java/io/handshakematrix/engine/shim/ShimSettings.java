package io.handshakematrix.engine.shim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings one handshake of a shim takes (shim protocol v1, images/README.md), after BoGo's shim flags.
 * Two transports carry the same names: {@link #toArgs()} for a shim run once per handshake (an image's
 * wrapper, {@code hm-shim --role receiver --port 4433 ...}), {@link #toJson} for a shim that serves many
 * handshakes over one line stream (the stack agent, the child JVM), where an {@code id} tags each request.
 * {@code stack} holds what a stack's own entry adds (security-level, priority, profile): data, never code.
 */
public record ShimSettings(String role, String host, int port, String protocol, List<String> suites, String dh,
                           int minDhBits, long timeoutMs, Map<String, String> stack) {
    public static final int VERSION = 1;
    public static final String SENDER = "sender";
    public static final String RECEIVER = "receiver";

    public ShimSettings {
        suites = List.copyOf(suites);
        stack = Map.copyOf(new LinkedHashMap<>(stack));
    }

    /** {@code --name value} pairs; empty settings are left out, so a shim sees only what it must take. */
    public List<String> toArgs() {
        List<String> a = new ArrayList<>(List.of("--role", role, "--host", host, "--port", Integer.toString(port),
                "--protocol", protocol));
        if (!suites.isEmpty()) {
            a.addAll(List.of("--suites", String.join(":", suites)));
        }
        if (dh != null) {
            a.addAll(List.of("--dh", dh));
        }
        if (minDhBits > 0) {
            a.addAll(List.of("--min-dh-bits", Integer.toString(minDhBits)));
        }
        a.addAll(List.of("--timeout-ms", Long.toString(timeoutMs)));
        new java.util.TreeMap<>(stack).forEach((k, v) -> a.addAll(List.of("--" + k, v)));
        return a;
    }

    /** The same settings as one JSON object (keys as the flags without "--"), tagged with {@code id}. */
    public ObjectNode toJson(ObjectNode into, long id) {
        into.put("id", id).put("role", role).put("host", host).put("port", port).put("protocol", protocol);
        if (!suites.isEmpty()) {
            into.put("suites", String.join(":", suites));
        }
        if (dh != null) {
            into.put("dh", dh);
        }
        if (minDhBits > 0) {
            into.put("min-dh-bits", minDhBits);
        }
        into.put("timeout-ms", timeoutMs);
        new java.util.TreeMap<>(stack).forEach(into::put);
        return into;
    }

    private static final List<String> CORE = List.of("id", "role", "host", "port", "protocol", "suites", "dh",
            "min-dh-bits", "timeout-ms");

    /** Reads a JSON request; every key outside the core settings is a stack setting. */
    public static ShimSettings fromJson(JsonNode n) {
        Map<String, String> stack = new LinkedHashMap<>();
        n.fieldNames().forEachRemaining(k -> {
            if (!CORE.contains(k)) {
                stack.put(k, n.get(k).asText());
            }
        });
        String suites = n.path("suites").asText("");
        return new ShimSettings(n.path("role").asText(""), n.path("host").asText("127.0.0.1"), n.path("port").asInt(0),
                n.path("protocol").asText("TLSv1.2"), suites.isEmpty() ? List.of() : List.of(suites.split(":")),
                n.hasNonNull("dh") ? n.get("dh").asText() : null, n.path("min-dh-bits").asInt(0),
                n.path("timeout-ms").asLong(10_000), stack);
    }

    /** Reads {@code --name value} arguments (the one-shot transport); an unknown name is a stack setting. */
    public static ShimSettings fromArgs(List<String> args) {
        ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < args.size(); i += 2) {
            String k = args.get(i);
            if (!k.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + k + "'");
            }
            n.put(k.substring(2), args.get(i + 1));
        }
        return fromJson(n);
    }

    public boolean receiver() {
        return RECEIVER.equals(role);
    }
}
