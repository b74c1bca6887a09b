package io.handshakematrix.dh;

import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.InputFiles;
import io.handshakematrix.yaml.YamlFiles;
import io.handshakematrix.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The named groups shipped in the jar (dh/groups.yaml) plus any PKCS#3 PEM file a user names.
 * Loaded once per run; cells share the parsed groups.
 */
public final class DhGroupCatalog {
    /** A 16384-bit group is about 3 KB of PEM; 256 KB leaves room for comments and is still no huge read. */
    private static final int MAX_PEM_BYTES = 256 * 1024;
    private final Map<String, DhGroup> named = new LinkedHashMap<>();
    private final Map<String, String> purposes = new LinkedHashMap<>();
    private final Map<String, DhGroup> files = new ConcurrentHashMap<>();

    public static DhGroupCatalog builtin() {
        DhGroupCatalog c = new DhGroupCatalog();
        YamlNode root;
        try (InputStream in = resource("groups.yaml")) {
            root = YamlFiles.read("classpath:/dh/groups.yaml", in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
            Map<String, YamlNode> m = e.getValue().entries(Set.of("file", "source", "purpose"));
            String file = m.get("file").text();
            try (InputStream in = resource(file)) {
                DhGroup g = Pkcs3Pem.parse(file, in.readAllBytes());
                c.named.put(e.getKey(), new DhGroup(e.getKey(), g.p(), g.g(), m.get("source").text()));
                c.purposes.put(e.getKey(), m.get("purpose").text());
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return c;
    }

    private static InputStream resource(String name) {
        InputStream in = DhGroupCatalog.class.getResourceAsStream("/dh/" + name);
        if (in == null) {
            throw new IllegalStateException("jar lacks /dh/" + name);
        }
        return in;
    }

    public List<String> names() {
        return List.copyOf(named.keySet());
    }

    public String purpose(String name) {
        return purposes.getOrDefault(name, "");
    }

    public boolean isNamed(String name) {
        return named.containsKey(name);
    }

    /** Whether {@code spec} looks like a file path rather than a group name. */
    public static boolean isFileSpec(String spec) {
        return spec.endsWith(".pem") || spec.contains("/");
    }

    /** A named group, or a PEM file path (relative to {@code baseDir}); InputError if neither. */
    public DhGroup resolve(String spec, Path baseDir) {
        DhGroup g = named.get(spec);
        if (g != null) {
            return g;
        }
        if (!isFileSpec(spec)) {
            throw new InputError(spec, 0, "unknown DH group '" + spec + "'; expected one of "
                    + String.join(", ", named.keySet()) + " or a PEM file path");
        }
        Path path = baseDir == null ? Path.of(spec) : baseDir.resolve(spec);
        return files.computeIfAbsent(path.toString(), k -> load(path, spec));
    }

    private static DhGroup load(Path path, String spec) {
        try {
            return Pkcs3Pem.parse(spec, InputFiles.read(path, MAX_PEM_BYTES, "a PKCS#3 PEM file"));
        } catch (InputError e) {
            if (e.getMessage().startsWith("file not found")) {
                throw new InputError(path.toString(), 0, "DH parameter file not found; expected a PKCS#3 PEM file there");
            }
            throw e;
        }
    }
}
