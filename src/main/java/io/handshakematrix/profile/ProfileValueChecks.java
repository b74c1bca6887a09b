package io.handshakematrix.profile;

import io.handshakematrix.yaml.YamlFiles;
import io.handshakematrix.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Profile values that parse but cannot be meant: an empty protocol or suite list (every cell would
 * blame the stack with "no shared cipher"), a MinimumDHBits floor above its ceiling, a default DH group no
 * catalog has, a log-line placeholder nothing fills. Kept apart from ProfileReader so its call sites stay one line.
 */
final class ProfileValueChecks {
    /** What engine/OpensslLogTemplates fills in; anything else would reach a log line as literal text. */
    static final Set<String> PLACEHOLDERS = Set.of("code", "code3", "reason", "alert", "alert_name");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
    private static final Set<String> GROUPS = shippedGroupNames();

    private ProfileValueChecks() {}

    static void notEmpty(YamlNode node, List<?> values, String what) {
        if (values.isEmpty()) {
            throw node.error(what + ": expected at least one value, found an empty list");
        }
    }

    static void floorNotAboveCeiling(YamlNode node, MinDhBitsOverride o) {
        if (o.floor() > o.ceiling()) {
            throw node.error(node.path() + ": floor " + o.floor() + " is above ceiling " + o.ceiling()
                    + "; expected floor <= ceiling");
        }
    }

    /** A receiver's default group is served by name from the shipped catalog (dh/groups.yaml). */
    static void knownGroup(YamlNode node) {
        String g = node.text();
        if (!GROUPS.contains(g)) {
            throw node.error(node.path() + ": unknown DH group '" + g + "'; expected one of "
                    + String.join(", ", GROUPS.stream().sorted().toList()));
        }
    }

    static void knownPlaceholders(YamlNode lines) {
        for (YamlNode l : lines.itemsOrOne()) {
            Matcher m = PLACEHOLDER.matcher(l.text());
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    throw l.error(l.path() + ": unknown placeholder '{" + m.group(1) + "}'; expected "
                            + String.join(", ", PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList()));
                }
            }
        }
    }

    /** The group names of the shipped catalog, read from its data file (the dh package depends on this one). */
    private static Set<String> shippedGroupNames() {
        try (InputStream in = ProfileValueChecks.class.getResourceAsStream("/dh/groups.yaml")) {
            if (in == null) {
                throw new IllegalStateException("jar lacks /dh/groups.yaml");
            }
            return Set.copyOf(YamlFiles.read("classpath:/dh/groups.yaml", in).entries().keySet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
