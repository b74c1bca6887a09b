package io.handshakematrix.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML node that remembers its file and line, so every validation error can say where it is.
 * Written by hand over SnakeYAML's composed node tree because data binders (Jackson, SnakeYAML's
 * constructor) lose the line of a value once it is bound, and we need it for semantic errors
 * such as "unknown stack" as much as for syntax errors.
 */
public final class YamlNode {
    private final String file;
    private final Node node;
    private final String path;

    YamlNode(String file, Node node, String path) {
        this.file = file;
        this.node = node;
        this.path = path;
    }

    public String file() { return file; }

    public int line() { return node.getStartMark().getLine() + 1; }

    public String path() { return path; }

    /** The path for messages: {@code axes.senders[0]}, or {@code top level} for the document itself. */
    private String label() { return path.isEmpty() ? "top level" : path; }

    public InputError error(String message) {
        return new InputError(file, line(), message);
    }

    public boolean isMap() { return node instanceof MappingNode; }

    public boolean isList() { return node instanceof SequenceNode; }

    public boolean isScalar() { return node instanceof ScalarNode; }

    /** Entries of a mapping, in file order; rejects duplicate keys (YAML forbids them, SnakeYAML's composer does not). */
    public Map<String, YamlNode> entries() {
        if (!isMap()) {
            throw error(label() + ": expected a mapping (key: value), found " + kind());
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new InputError(file, t.getKeyNode().getStartMark().getLine() + 1,
                        path + ": expected a plain key");
            }
            String key = k.getValue();
            if (out.containsKey(key)) {
                throw new InputError(file, k.getStartMark().getLine() + 1,
                        "duplicate key '" + key + "' " + (path.isEmpty() ? "at top level" : "in " + path)
                                + " (first at line " + keyLine(key) + ")");
            }
            out.put(key, new YamlNode(file, t.getValueNode(), path.isEmpty() ? key : path + "." + key));
        }
        return out;
    }

    /** Mapping whose keys must all be among {@code allowed}. */
    public Map<String, YamlNode> entries(Set<String> allowed) {
        Map<String, YamlNode> e = entries();
        for (Map.Entry<String, YamlNode> kv : e.entrySet()) {
            if (!allowed.contains(kv.getKey())) {
                throw new InputError(file, keyLine(kv.getKey()),
                        "unknown key '" + kv.getKey() + "' in " + (path.isEmpty() ? "top level" : path)
                                + "; expected one of " + String.join(", ", sorted(allowed)));
            }
        }
        return e;
    }

    private int keyLine(String key) {
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return k.getStartMark().getLine() + 1;
            }
        }
        return line();
    }

    /** The value of {@code key} in this mapping's {@code entries}; an error naming this node if missing or null. */
    public YamlNode need(Map<String, YamlNode> entries, String key) {
        YamlNode n = entries.get(key);
        if (n == null) {
            throw error("missing key '" + key + "'" + (path.isEmpty() ? " at top level" : " in " + path));
        }
        if (n.isNullValue()) {
            throw n.error(n.label() + ": no value after '" + key + ":'; expected one");
        }
        return n;
    }

    public List<YamlNode> items() {
        if (!isList()) {
            throw error(label() + ": expected a list ([a, b] or '- a' lines), found " + kind());
        }
        List<YamlNode> out = new ArrayList<>();
        int i = 0;
        for (Node n : ((SequenceNode) node).getValue()) {
            out.add(new YamlNode(file, n, path + "[" + i++ + "]"));
        }
        return out;
    }

    /** A scalar or a list of scalars, as a list: lets users write {@code dh: 1024} or {@code dh: [1024, 2048]}. */
    public List<YamlNode> itemsOrOne() {
        return isList() ? items() : List.of(this);
    }

    public String text() {
        if (!isScalar()) {
            throw error(label() + ": expected a single value, found " + kind());
        }
        return ((ScalarNode) node).getValue();
    }

    public boolean isNullValue() {
        return isScalar() && node.getTag().getValue().endsWith(":null");
    }

    public int integer(int min, int max) {
        String t = text().trim();
        try {
            BigInteger v = new BigInteger(t);
            if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
                throw error(label() + ": expected an integer from " + min + " to " + max + ", found '" + t + "'");
            }
            return v.intValue();
        } catch (NumberFormatException e) {
            throw error(label() + ": expected an integer from " + min + " to " + max + ", found '" + t + "'");
        }
    }

    public boolean bool() {
        String t = text().trim().toLowerCase();
        return switch (t) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(label() + ": expected true or false, found '" + t + "'");
        };
    }

    public List<String> texts() {
        return itemsOrOne().stream().map(YamlNode::text).toList();
    }

    public <T> T oneOf(Map<String, T> choices) {
        String t = text().trim();
        T v = choices.get(t);
        if (v == null) {
            throw error(label() + ": expected one of " + String.join(", ", sorted(choices.keySet())) + ", found '" + t + "'");
        }
        return v;
    }

    public <T> T as(Function<YamlNode, T> reader) { return reader.apply(this); }

    private String kind() {
        if (isMap()) return "a mapping";
        if (isList()) return "a list";
        return "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
