package io.handshakematrix.profile;

import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.YamlFiles;
import io.handshakematrix.yaml.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The system-wide crypto policies of each release that has them (rhel-8, rhel-9, rhel-10): levels and
 * subpolicy modules, shipped under {@code policies/} (index.txt lists them) plus a user directory's
 * {@code policies/<release>/} files. A setting is {@code LEVEL[:MODULE...]}, as update-crypto-policies takes it.
 */
public final class CryptoPolicies {
    /** The value a policy axis has when a matrix leaves it out: the level a host has after installation. */
    public static final String NEUTRAL = "DEFAULT";
    private static final String BUILTIN_DIR = "/policies/";

    private final Map<String, Map<String, CryptoPolicy>> levels = new TreeMap<>();
    private final Map<String, Map<String, PolicyModule>> modules = new TreeMap<>();

    private static final CryptoPolicies SHIPPED = builtin();

    /** The shipped policies, read once (they are immutable data). */
    public static CryptoPolicies shipped() {
        return SHIPPED;
    }

    static CryptoPolicies builtin() {
        CryptoPolicies c = new CryptoPolicies();
        try (InputStream index = CryptoPolicies.class.getResourceAsStream(BUILTIN_DIR + "index.txt")) {
            String text = new String(index.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                String res = BUILTIN_DIR + name + ".yaml";
                try (InputStream in = CryptoPolicies.class.getResourceAsStream(res)) {
                    if (in == null) {
                        throw new IllegalStateException("policy index names " + res + " but the jar lacks it");
                    }
                    c.add(YamlFiles.read("classpath:" + res, in), name.contains("/modules/"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return c;
    }

    /** Every {@code <release>/*.yaml} (levels) and {@code <release>/modules/*.yaml} under {@code dir}. */
    void addDirectory(Path dir) {
        try (Stream<Path> releases = Files.list(dir)) {
            for (Path release : releases.filter(Files::isDirectory).sorted().toList()) {
                for (Path f : yamlFiles(release)) {
                    add(YamlFiles.read(f), false);
                }
                if (Files.isDirectory(release.resolve("modules"))) {
                    for (Path f : yamlFiles(release.resolve("modules"))) {
                        add(YamlFiles.read(f), true);
                    }
                }
            }
        } catch (IOException e) {
            throw new InputError(dir.toString(), 0, "cannot list: " + e.getMessage());
        }
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
    }

    private void add(YamlNode root, boolean module) {
        String release = PolicyReader.release(root);
        if (module) {
            PolicyModule m = PolicyReader.module(root);
            modules.computeIfAbsent(release, k -> new TreeMap<>()).put(m.name(), m);
        } else {
            CryptoPolicy p = PolicyReader.level(root);
            levels.computeIfAbsent(release, k -> new TreeMap<>()).put(p.name(), p);
        }
    }

    public boolean hasRelease(String release) {
        return levels.containsKey(release);
    }

    public List<String> releases() {
        return List.copyOf(levels.keySet());
    }

    /** The levels and modules {@code release} has, as a user would list them (DEFAULT, FIPS, ...; SHA1, ...). */
    public String settingsOf(String release) {
        return String.join(", ", levels.getOrDefault(release, Map.of()).keySet()) + "; modules: "
                + String.join(", ", modules.getOrDefault(release, Map.of()).keySet());
    }

    /**
     * {@code setting} on {@code release}, modules applied left to right; empty with the reason when the
     * release has no such level or module (the caller names file:line).
     */
    public Resolved resolve(String release, String setting) {
        String[] parts = setting.split(":", -1);
        CryptoPolicy p = levels.getOrDefault(release, Map.of()).get(parts[0]);
        if (p == null) {
            return Resolved.refused("unknown crypto policy '" + parts[0] + "' for " + release + "; expected one of "
                    + settingsOf(release).replace("; modules:", " (subpolicies:") + ")");
        }
        for (int i = 1; i < parts.length; i++) {
            PolicyModule m = modules.getOrDefault(release, Map.of()).get(parts[i]);
            if (m == null) {
                return Resolved.refused("unknown subpolicy '" + parts[i] + "' for " + release + "; expected one of "
                        + String.join(", ", modules.getOrDefault(release, Map.of()).keySet()));
            }
            p = p.with(m);
        }
        return new Resolved(Optional.of(p), null);
    }

    /**
     * Why no release has this setting, or empty when one has: a matrix axis value is checked this way before the
     * stacks it meets are known (which release a stack runs is checked once the axes cross).
     */
    public Optional<String> unknownEverywhere(String setting) {
        for (String release : levels.keySet()) {
            if (resolve(release, setting).policy().isPresent()) {
                return Optional.empty();
            }
        }
        java.util.Set<String> allLevels = new java.util.TreeSet<>();
        java.util.Set<String> allModules = new java.util.TreeSet<>();
        levels.values().forEach(m -> allLevels.addAll(m.keySet()));
        modules.values().forEach(m -> allModules.addAll(m.keySet()));
        return Optional.of("unknown crypto policy '" + setting + "'; expected LEVEL[:SUBPOLICY...] with a level from "
                + String.join(", ", allLevels) + " and subpolicies from " + String.join(", ", allModules));
    }

    /**
     * Why {@code p} cannot run under {@code setting}, or null when it can: a stack without policies takes only the
     * neutral value (its built-in settings), a stack with them only its release's levels and modules.
     */
    public String whyNot(StackProfile p, String setting) {
        if (!p.hasPolicies()) {
            return setting.equals(NEUTRAL) ? null : "has no system-wide crypto policies; expected " + NEUTRAL
                    + " (its built-in settings), found '" + setting + "'";
        }
        Resolved r = resolve(p.policyRelease(), setting);
        return r.policy().isPresent() ? null : "cannot run under '" + setting + "': " + r.why();
    }

    /** A resolved setting, or why there is none. */
    public record Resolved(Optional<CryptoPolicy> policy, String why) {
        static Resolved refused(String why) {
            return new Resolved(Optional.empty(), why);
        }
    }
}
