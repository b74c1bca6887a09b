package io.handshakematrix.engine.container;

import io.handshakematrix.yaml.YamlFiles;
import io.handshakematrix.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which image folder and stack settings run a profile in the container tier: src/main/resources/container/stacks.yaml. */
final class ContainerStacks {
    /**
     * {@code policySetting}: the shim setting that takes a crypto policy's generated openssl.cnf (openssl-conf),
     * for a stack whose profile runs under crypto policies; null for a stack that cannot take one.
     */
    record Stack(String profileId, String imageFolder, Map<String, String> settings, String source,
                 String policySetting) {
        Stack(String profileId, String imageFolder, Map<String, String> settings, String source) {
            this(profileId, imageFolder, settings, source, null);
        }
    }

    private static final String RESOURCE = "/container/stacks.yaml";
    private static final Set<String> KEYS = Set.of("image", "settings", "source", "policy_setting");
    private final Map<String, Stack> stacks;

    private ContainerStacks(Map<String, Stack> stacks) {
        this.stacks = stacks;
    }

    static ContainerStacks builtin() {
        try (InputStream in = ContainerStacks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(YamlFiles.read(RESOURCE, in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    static ContainerStacks read(YamlNode root) {
        Map<String, Stack> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : root.entries().entrySet()) {
            YamlNode n = e.getValue();
            Map<String, YamlNode> m = n.entries(KEYS);
            Map<String, String> settings = new LinkedHashMap<>();
            if (m.containsKey("settings")) {
                m.get("settings").entries().forEach((k, v) -> settings.put(k, v.text()));
            }
            out.put(e.getKey(), new Stack(e.getKey(), n.need(m, "image").text(), settings, n.need(m, "source").text(),
                    m.containsKey("policy_setting") ? m.get("policy_setting").text() : null));
        }
        return new ContainerStacks(out);
    }

    static ContainerStacks of(Stack... stacks) {
        Map<String, Stack> m = new LinkedHashMap<>();
        for (Stack s : stacks) {
            m.put(s.profileId(), s);
        }
        return new ContainerStacks(m);
    }

    /** The profiles whose container stack runs under a crypto policy (a policy_setting), in data order. */
    java.util.List<String> policyStacks() {
        return stacks.values().stream().filter(s -> s.policySetting() != null).map(Stack::profileId).toList();
    }

    Optional<Stack> find(String profileId) {
        return Optional.ofNullable(stacks.get(profileId));
    }
}
