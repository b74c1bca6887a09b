package io.handshakematrix.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed configssl.cnf: [RSAKEY] RECEIVE_SIDE (null when blank or absent) and the [DH] tables, each with
 * the PEM file it names ({@code groupSpec} null when blank: the internal program table).
 */
public record ConfigSsl(Path file, String receiveSide, int receiveSideLine, Map<String, DhTable> dhTables) {

    /** One [DH] key. {@code value} as written; {@code groupSpec} the resolved PEM path or group name. */
    public record DhTable(String key, int bits, String value, String groupSpec, int line) {
    }

    /** An empty config: every value blank. */
    public static ConfigSsl empty(Path file) {
        return new ConfigSsl(file, null, 0, Map.of());
    }

    public ConfigSsl withReceiveSide(String value) {
        return new ConfigSsl(file, value, 0, dhTables);
    }

    public ConfigSsl withDhTable(DhTable table) {
        Map<String, DhTable> m = new LinkedHashMap<>(dhTables);
        m.put(table.key(), table);
        return new ConfigSsl(file, receiveSide, receiveSideLine, Map.copyOf(m));
    }
}
