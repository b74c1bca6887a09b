package io.handshakematrix.agent;

import io.handshakematrix.engine.shim.ShimSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The agent's command line: --profile FILE, and for the standing modes the shim settings as --name value. */
record AgentArgs(String profile, Integer listen, Integer connect, String bind, Map<String, String> rest) {
    static AgentArgs parse(List<String> args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            if (!args.get(i).startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args.get(i) + "'");
            }
            m.put(args.get(i).substring(2), args.get(i + 1));
        }
        String profile = m.remove("profile");
        if (profile == null) {
            throw new IllegalArgumentException("--profile FILE is required");
        }
        String listen = m.remove("listen");
        String connect = m.remove("connect");
        String bind = m.getOrDefault("bind", "127.0.0.1");
        m.remove("bind");
        return new AgentArgs(profile, listen == null ? null : Integer.valueOf(listen),
                connect == null ? null : Integer.valueOf(connect), bind, m);
    }

    /** The remaining options as the settings of one handshake in {@code role} on {@code port}. */
    ShimSettings settings(String role, int port) {
        Map<String, String> all = new LinkedHashMap<>(rest);
        all.put("role", role);
        all.put("port", Integer.toString(port));
        all.putIfAbsent("host", "127.0.0.1");
        com.fasterxml.jackson.databind.node.ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode();
        all.forEach(n::put);
        return ShimSettings.fromJson(n);
    }
}
