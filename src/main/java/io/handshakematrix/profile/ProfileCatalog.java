package io.handshakematrix.profile;

import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.YamlFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * All known stack profiles: those shipped in the jar (profiles/index.txt lists them) plus any
 * directory of {@code *.yaml} files the user names. A user profile with a shipped id replaces it.
 */
public final class ProfileCatalog {
    private static final String BUILTIN_DIR = "/profiles/";
    private final Map<String, StackProfile> profiles = new TreeMap<>();
    private final CryptoPolicies policies = CryptoPolicies.builtin();

    public static ProfileCatalog builtin() {
        ProfileCatalog c = new ProfileCatalog();
        for (String id : builtinIds()) {
            String res = BUILTIN_DIR + id + ".yaml";
            try (InputStream in = ProfileCatalog.class.getResourceAsStream(res)) {
                if (in == null) {
                    throw new IllegalStateException("profile index names " + res + " but the jar lacks it");
                }
                c.add(ProfileReader.read(YamlFiles.read("classpath:" + res, in), id, c.policies));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return c;
    }

    /**
     * Adds the profiles of a product's bundled TLS library, shipped in the jar under products/bundled/ID.yaml
     * (copied there from examples/fleet-profiles by the build); an id the catalog has already is kept as it is.
     */
    public void addBundled(List<String> ids) {
        for (String id : ids) {
            if (profiles.containsKey(id)) {
                continue;
            }
            String res = "/products/bundled/" + id + ".yaml";
            try (InputStream in = ProfileCatalog.class.getResourceAsStream(res)) {
                if (in == null) {
                    throw new InputError("bundled_library", 0, "names profile '" + id + "' but the jar lacks " + res);
                }
                add(ProfileReader.read(YamlFiles.read("classpath:" + res, in), id, policies));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Shipped profiles plus every *.yaml in {@code dir}. */
    public static ProfileCatalog withDirectory(Path dir) {
        ProfileCatalog c = builtin();
        if (dir != null) {
            c.addDirectory(dir);
        }
        return c;
    }

    public void addDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputError(dir.toString(), 0, "not a directory; expected a directory of profile *.yaml files");
        }
        if (Files.isDirectory(dir.resolve("policies"))) {
            policies.addDirectory(dir.resolve("policies")); // before the profiles that name their releases
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new InputError(dir.toString(), 0, "cannot list: " + e.getMessage());
        }
        for (Path f : files) {
            String stem = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            add(ProfileReader.read(YamlFiles.read(f), stem, policies));
        }
    }

    /** The crypto policies the profiles here may run under: the shipped ones and a user directory's. */
    public CryptoPolicies policies() {
        return policies;
    }

    public static StackProfile readFile(Path file) {
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return ProfileReader.read(YamlFiles.read(file), stem, CryptoPolicies.builtin());
    }

    /**
     * A directory's profile may replace a shipped one (documented: newer facts for a stack); two user files with
     * one id are refused, since which of them would win depends on the order directories were named.
     */
    private void add(StackProfile p) {
        StackProfile old = profiles.get(p.id());
        if (old != null && !old.origin().startsWith("classpath:") && !sameFile(old.origin(), p.origin())) {
            throw new InputError(p.origin(), 1, "id '" + p.id() + "' is also the id of " + old.origin()
                    + "; expected each profile id once");
        }
        profiles.put(p.id(), p);
    }

    private static boolean sameFile(String a, String b) {
        try {
            return Path.of(a).toRealPath().equals(Path.of(b).toRealPath());
        } catch (IOException | RuntimeException e) {
            return a.equals(b);
        }
    }

    public Optional<StackProfile> find(String id) {
        return Optional.ofNullable(profiles.get(id));
    }

    public StackProfile get(String id) {
        StackProfile p = profiles.get(id);
        if (p == null) {
            throw new IllegalArgumentException("unknown stack " + id);
        }
        return p;
    }

    public Collection<StackProfile> all() {
        return profiles.values();
    }

    public List<String> ids() {
        return List.copyOf(profiles.keySet());
    }

    private static List<String> builtinIds() {
        try (InputStream in = ProfileCatalog.class.getResourceAsStream(BUILTIN_DIR + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("profiles/index.txt missing from the jar");
            }
            return new String(in.readAllBytes()).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
