package io.handshakematrix.engine.container;

import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One folder under images/: a Dockerfile, a README, its labels (what the image is: stack, library, version,
 * roles, shim version) and the files its COPY lines take from images/ (the build context), e.g. the shim
 * wrapper. A new real stack is such a folder plus its twin profile, with no Java. Read from the jar (the folders
 * travel in it) or from a directory; a folder without labels, or with an unknown or missing label, is bad input.
 */
record ImageFolder(String name, String dockerfile, Map<String, String> labels, Map<String, byte[]> copied,
                   byte[] labelsFile, String from) {
    static final String PREFIX = "io.handshakematrix.";
    static final String STACK = PREFIX + "stack";
    static final String LIBRARY = PREFIX + "library";
    static final String VERSION = PREFIX + "version";
    static final String ROLES = PREFIX + "roles";
    static final String PROTOCOLS = PREFIX + "protocols";
    static final String SHIM = PREFIX + "shim";
    static final String SHIM_MODE = PREFIX + "shim-mode";
    static final String PROFILE = PREFIX + "profile";
    private static final List<String> REQUIRED = List.of(STACK, LIBRARY, VERSION, ROLES, SHIM);
    private static final Set<String> KNOWN = Set.of(STACK, LIBRARY, VERSION, ROLES, PROTOCOLS, SHIM, SHIM_MODE, PROFILE);

    /**
     * Reads folder {@code name}; {@code read} gives a file's bytes by its path inside images/ (empty if absent),
     * {@code shown} is how file names appear in messages (e.g. "images/").
     */
    static ImageFolder read(String name, Function<String, Optional<byte[]>> read, String shown) {
        String dockerPath = shown + name + "/Dockerfile";
        String dockerfile = new String(read.apply(name + "/Dockerfile").orElseThrow(() ->
                new InputError(shown + name, 0, "no Dockerfile; an image folder needs a Dockerfile, a README and labels")),
                StandardCharsets.UTF_8);
        byte[] labelsBytes = read.apply(name + "/labels").orElseThrow(() -> new InputError(dockerPath, 1,
                "no labels file next to this Dockerfile; expected " + shown + name + "/labels with " + String.join(", ", REQUIRED)));
        Map<String, String> labels = labels(new String(labelsBytes, StandardCharsets.UTF_8), shown + name + "/labels");
        Map<String, byte[]> copied = new LinkedHashMap<>();
        String from = null;
        int lineNo = 0;
        for (String line : dockerfile.split("\n", -1)) {
            lineNo++;
            String[] w = line.strip().split("\\s+");
            if (w[0].equalsIgnoreCase("FROM") && w.length >= 2 && from == null) {
                from = w[1];
            } else if ((w[0].equalsIgnoreCase("COPY") || w[0].equalsIgnoreCase("ADD")) && w.length >= 3) {
                for (int i = 1; i < w.length - 1; i++) {
                    String src = w[i];
                    if (src.startsWith("--")) {
                        continue; // --chown=..., --chmod=...: options, not sources
                    }
                    int at = lineNo;
                    String why = escapes(src);
                    if (why != null) {
                        throw new InputError(dockerPath, at, w[0] + " source " + src + " leaves the build context "
                                + shown + " (" + why + "); expected a path inside it, such as shims/common.sh");
                    }
                    if (w[0].equalsIgnoreCase("ADD")) {
                        continue; // the base folders' rootfs.tar, made by images/build.sh: checked, not copied
                    }
                    Optional<byte[]> bytes;
                    try {
                        bytes = read.apply(src);
                    } catch (OutsideContext e) {
                        throw new InputError(dockerPath, at, w[0] + " source " + src + " leaves the build context "
                                + shown + " (" + e.getMessage() + "); expected a file inside it");
                    }
                    copied.put(src, bytes.orElseThrow(() -> new InputError(dockerPath, at,
                            w[0] + " source " + src + " not found under " + shown + " (the build context)")));
                }
            }
        }
        if (from == null) {
            throw new InputError(dockerPath, 1, "no FROM line");
        }
        return new ImageFolder(name, dockerfile, labels, copied, labelsBytes, from);
    }

    /**
     * Why a COPY/ADD source would leave the build context, or null if it stays inside: the harness writes each
     * source into a temporary build directory before Docker sees it, so "../x" or "/x" would be written outside.
     */
    static String escapes(String src) {
        if (src.startsWith("/") || src.startsWith("\\")) {
            return "an absolute path";
        }
        if (src.contains("\\")) {
            return "a backslash";
        }
        for (String part : src.split("/", -1)) {
            if (part.equals("..")) {
                return "a '..' step";
            }
        }
        if (src.contains("://")) {
            return "a URL";
        }
        return null;
    }

    /** A source whose file, once its symlinks are followed, lies outside the build context. */
    static final class OutsideContext extends RuntimeException {
        OutsideContext(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Reads sources from directory {@code root} (the build context): a regular file whose real path, symlinks
     * followed, stays under root's; one that leaves it throws {@link OutsideContext}; a missing one is empty.
     */
    static Function<String, Optional<byte[]>> directory(Path root) {
        return rel -> {
            Path f = root.resolve(rel);
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            try {
                Path real = f.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    throw new OutsideContext("a symlink to " + real);
                }
                return Optional.of(Files.readAllBytes(real));
            } catch (IOException e) {
                return Optional.empty();
            }
        };
    }

    static Map<String, String> labels(String text, String file) {
        Map<String, String> out = new LinkedHashMap<>();
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new InputError(file, n, "expected key=value, got '" + line + "'");
            }
            String key = line.substring(0, eq).strip();
            if (key.startsWith(PREFIX) && !KNOWN.contains(key)) {
                throw new InputError(file, n, "unknown label " + key + "; expected one of " + String.join(", ", KNOWN));
            }
            if (out.put(key, line.substring(eq + 1).strip()) != null) {
                throw new InputError(file, n, "label " + key + " given twice");
            }
        }
        List<String> missing = new ArrayList<>(REQUIRED);
        missing.removeAll(out.keySet());
        if (!missing.isEmpty()) {
            throw new InputError(file, 1, "missing label(s) " + String.join(", ", missing));
        }
        return out;
    }

    List<String> roles() {
        return List.of(labels.get(ROLES).split(","));
    }

    List<String> protocols() {
        String p = labels.get(PROTOCOLS);
        return p == null ? List.of() : List.of(p.split(","));
    }

    /** An image speaks the shim when its label names a version (base images say "none"). */
    boolean speaksShim() {
        return !"none".equals(labels.get(SHIM));
    }
}
