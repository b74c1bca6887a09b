package io.handshakematrix.engine.container;

import io.handshakematrix.yaml.YamlFiles;
import io.handshakematrix.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Which real tool and image run a profile in the container tier: src/main/resources/container/stacks.yaml. */
final class ContainerStacks {
    enum Tool { OPENSSL, GNUTLS }

    record Stack(String profileId, String image, Tool tool, int securityLevel, String priority, String source) {}

    private static final String RESOURCE = "/container/stacks.yaml";
    private static final Set<String> KEYS = Set.of("image", "tool", "security_level", "priority", "source");
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
            Tool tool = n.need(m, "tool").oneOf(Map.of("openssl", Tool.OPENSSL, "gnutls", Tool.GNUTLS));
            int level = m.containsKey("security_level") ? m.get("security_level").integer(0, 5) : -1;
            String priority = m.containsKey("priority") ? m.get("priority").text() : null;
            if (tool == Tool.GNUTLS && priority == null) {
                throw n.error(n.path() + ": a gnutls stack needs priority");
            }
            out.put(e.getKey(), new Stack(e.getKey(), n.need(m, "image").text(), tool, level, priority,
                    n.need(m, "source").text()));
        }
        return new ContainerStacks(out);
    }

    Optional<Stack> find(String profileId) {
        return Optional.ofNullable(stacks.get(profileId));
    }

}
