package io.handshakematrix.config;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.yaml.YamlFiles;
import io.handshakematrix.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads product profiles (the shipped file-transfer.yaml or a user's file); unknown keys and sourceless facts stop. */
public final class ProductProfiles {
    public static final String BUILTIN = "file-transfer";
    private static final Set<String> TOP = Set.of("id", "description", "source", "receive_side", "dh_tables",
            "current_peers", "rsa_advice", "log_prefixes", "bundled_library");
    private static final Set<String> BUNDLED = Set.of("profiles", "source");
    private static final Set<String> PEERS = Set.of("stacks", "source");
    private static final Set<String> ADVICE = Set.of("setting", "says", "source");
    private static final Set<String> PREFIX = Set.of("pattern", "example", "source");
    private static final Set<String> SIDE = Set.of("values", "default", "source");
    private static final Set<String> DH = Set.of("keys", "pick", "pick_source", "internal", "internal_source",
            "suggest_file");

    private ProductProfiles() {}

    public static ProductProfile builtin() {
        String res = "/products/" + BUILTIN + ".yaml";
        try (InputStream in = ProductProfiles.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("jar lacks " + res);
            }
            return read(YamlFiles.read("classpath:" + res, in), DhGroupCatalog.builtin());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A shipped product by its id ({@code src/main/resources/products/ID.yaml}), empty when none has that id. */
    public static java.util.Optional<ProductProfile> named(String id) {
        if (!id.matches("[A-Za-z0-9._-]+")) {
            return java.util.Optional.empty();
        }
        String res = "/products/" + id + ".yaml";
        try (InputStream in = ProductProfiles.class.getResourceAsStream(res)) {
            return in == null ? java.util.Optional.empty()
                    : java.util.Optional.of(read(YamlFiles.read("classpath:" + res, in), DhGroupCatalog.builtin()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shipped profile, or {@code file} when given. */
    public static ProductProfile load(Path file, DhGroupCatalog groups) {
        return file == null ? builtin() : read(YamlFiles.read(file), groups);
    }

    static ProductProfile read(YamlNode root, DhGroupCatalog groups) {
        Map<String, YamlNode> top = root.entries(TOP);
        YamlNode sideNode = root.need(top, "receive_side");
        Map<String, YamlNode> side = sideNode.entries(SIDE);
        Map<String, List<String>> suites = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : sideNode.need(side, "values").entries().entrySet()) {
            requireSomeSuite(e.getValue());
            for (YamlNode s : e.getValue().itemsOrOne()) {
                if (!CipherSuites.known(s.text())) {
                    throw s.error(s.path() + ": unknown OpenSSL cipher suite '" + s.text() + "'; expected e.g. AES256-SHA");
                }
            }
            suites.put(e.getKey(), e.getValue().texts());
        }
        YamlNode defaultNode = sideNode.need(side, "default");
        if (!suites.containsKey(defaultNode.text())) {
            throw defaultNode.error(defaultNode.path() + ": expected one of " + suites.keySet() + ", found '"
                    + defaultNode.text() + "'");
        }
        YamlNode dhNode = root.need(top, "dh_tables");
        Map<String, YamlNode> dh = dhNode.entries(DH);
        Map<String, Integer> keys = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : dhNode.need(dh, "keys").entries().entrySet()) {
            keys.put(e.getKey(), e.getValue().integer(1, 100_000));
        }
        YamlNode internal = dhNode.need(dh, "internal");
        if (!groups.isNamed(internal.text())) {
            throw internal.error(internal.path() + ": expected a DH group name (" + String.join(", ", groups.names())
                    + "), found '" + internal.text() + "'");
        }
        return new ProductProfile(
                root.need(top, "id").text(),
                top.containsKey("description") ? top.get("description").text() : "",
                root.need(top, "source").text(),
                suites, defaultNode.text(), sideNode.need(side, "source").text(),
                keys,
                dhNode.need(dh, "pick").oneOf(Map.of("largest", ProductProfile.Pick.LARGEST,
                        "smallest", ProductProfile.Pick.SMALLEST)),
                dhNode.need(dh, "pick_source").text(),
                internal.text(),
                dhNode.need(dh, "internal_source").text(),
                dh.containsKey("suggest_file") ? dh.get("suggest_file").text() : "dh{bits}.pem",
                root.file(),
                support(root, top));
    }

    /**
     * A RECEIVE_SIDE value must enable a suite: with none, every cell of it would end in "no shared cipher", a
     * verdict blamed on a stack for what is a typo in the product's file.
     */
    public static void requireSomeSuite(YamlNode suites) {
        if (suites.isList() && suites.items().isEmpty()) {
            throw suites.error(suites.path() + ": enables no cipher suite; expected at least one OpenSSL suite name "
                    + "(e.g. AES256-SHA) for this RECEIVE_SIDE value");
        }
    }

    /** The keys explain, diagnose and the KB read; each optional, so a user's older product file still reads. */
    private static ProductSupport support(YamlNode root, Map<String, YamlNode> top) {
        List<String> peers = List.of();
        String peersSource = "";
        if (top.containsKey("current_peers")) {
            YamlNode n = top.get("current_peers");
            Map<String, YamlNode> m = n.entries(PEERS);
            peers = n.need(m, "stacks").texts();
            peersSource = n.need(m, "source").text();
        }
        String says = "";
        String saysSource = "";
        if (top.containsKey("rsa_advice")) {
            YamlNode n = top.get("rsa_advice");
            Map<String, YamlNode> m = n.entries(ADVICE);
            says = n.need(m, "says").text();
            saysSource = n.need(m, "source").text();
        }
        List<ProductSupport.LogPrefix> prefixes = new java.util.ArrayList<>();
        if (top.containsKey("log_prefixes")) {
            for (YamlNode item : top.get("log_prefixes").items()) {
                Map<String, YamlNode> m = item.entries(PREFIX);
                YamlNode pattern = item.need(m, "pattern");
                java.util.regex.Pattern compiled;
                try {
                    compiled = java.util.regex.Pattern.compile(pattern.text());
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw pattern.error(pattern.path() + ": expected a regular expression, found '" + pattern.text()
                            + "' (" + e.getDescription() + ")");
                }
                if (!pattern.text().contains("(?<line>")) {
                    throw pattern.error(pattern.path() + ": expected a named group (?<line>...) for the library's line");
                }
                String example = m.containsKey("example") ? m.get("example").text() : "";
                if (!example.isEmpty() && !compiled.matcher(example).find()) {
                    throw m.get("example").error(m.get("example").path() + ": expected a line the pattern matches");
                }
                prefixes.add(new ProductSupport.LogPrefix(compiled, example, item.need(m, "source").text()));
            }
        }
        List<String> bundled = List.of();
        String bundledSource = "";
        if (top.containsKey("bundled_library")) {
            YamlNode n = top.get("bundled_library");
            Map<String, YamlNode> m = n.entries(BUNDLED);
            bundled = n.need(m, "profiles").texts();
            bundledSource = n.need(m, "source").text();
        }
        return new ProductSupport(List.copyOf(peers), peersSource, says, saysSource, List.copyOf(prefixes),
                List.copyOf(bundled), bundledSource);
    }
}
