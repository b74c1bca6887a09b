package io.handshakematrix.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * IANA code points a hello names, read from the data files {@code tls/extensions.txt} and
 * {@code tls/named-groups.txt}: extension types and named groups (curves), with which groups the
 * emulation can use.
 */
public final class TlsCodes {
    private static final Map<String, Integer> EXTENSIONS = new LinkedHashMap<>();
    private static final Map<Integer, String> EXTENSION_NAMES = new LinkedHashMap<>();
    private static final Map<Integer, NamedGroup> GROUPS = new LinkedHashMap<>();

    /** A named group: IANA name, the name OpenSSL 1.1.1+ prints ("P-256"), its size, whether emulated. */
    public record NamedGroup(int code, String name, String displayName, int bits, boolean emulated) {}

    static {
        for (String[] f : rows("/tls/extensions.txt")) {
            int code = Integer.parseInt(f[0], 16);
            EXTENSIONS.put(f[1], code);
            EXTENSION_NAMES.putIfAbsent(code, f[1]);
        }
        for (String[] f : rows("/tls/named-groups.txt")) {
            int code = Integer.parseInt(f[0], 16);
            GROUPS.put(code, new NamedGroup(code, f[1], f[2], Integer.parseInt(f[3]), f[4].equals("yes")));
        }
    }

    private TlsCodes() {}

    public static Optional<Integer> extension(String name) {
        return Optional.ofNullable(EXTENSIONS.get(name));
    }

    public static String extensionName(int code) {
        return EXTENSION_NAMES.getOrDefault(code, String.format("extension_%04x", code));
    }

    public static List<String> extensionNames() {
        return List.copyOf(EXTENSIONS.keySet());
    }

    public static Optional<NamedGroup> group(int code) {
        return Optional.ofNullable(GROUPS.get(code));
    }

    public static Map<Integer, NamedGroup> groups() {
        return Collections.unmodifiableMap(GROUPS);
    }

    private static List<String[]> rows(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TlsCodes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the jar");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                String l = line.trim();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l.split("\\s+"));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
