package io.handshakematrix.engine.container;

import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The emulated stacks as images (images/stack-agent/README.md): a jlink runtime of the harness's own JDK on the
 * Debian 12 minbase, the harness's classes on top, and one small image per profile. Each layer's tag is the
 * harness version and a hash of its inputs, computed before anything is built, so an existing image is reused.
 */
final class AgentImages {
    static final String BASE = "handshake-matrix/debian-12:bookworm";
    /** What the agent loads; everything else on a test classpath (JUnit, Testcontainers) stays out of the image. */
    private static final Pattern AGENT_JARS = Pattern.compile(
            "(bcprov|bctls|bcpkix|bcutil)-jdk18on.*\\.jar|snakeyaml.*\\.jar|jackson-(core|databind|annotations).*\\.jar");

    private final ImageBuilder builder;
    private String agentTag;

    AgentImages(ImageBuilder builder) {
        this.builder = builder;
    }

    /** The profile's image tag, built (with the layers under it) if absent. */
    String ensure(StackProfile profile) {
        byte[] yaml = profileBytes(profile);
        String agent = agentLayer();
        Map<String, String> labels = ImageFolder.labels(template("labels.profile").replace("{profile}", profile.id())
                .replace("{version}", ImageBuilder.harnessVersion()), "images/stack-agent/labels.profile");
        // the file keeps its name: a profile's id must match its file name
        String dockerfile = template("Dockerfile.profile").replace("{agent}", agent).replace("{profile}", profile.id());
        MessageDigest d = ImageBuilder.digest();
        ImageBuilder.update(d, dockerfile.getBytes(StandardCharsets.UTF_8));
        ImageBuilder.update(d, labels.toString().getBytes(StandardCharsets.UTF_8));
        ImageBuilder.update(d, yaml);
        return builder.ensure(new ImageBuilder.Build("stack-" + profile.id(), agent, ImageBuilder.hex(d), labels,
                dockerfile, dir -> {
                    Path p = dir.resolve("stack-agent/" + profile.id() + ".yaml");
                    Files.createDirectories(p.getParent());
                    Files.write(p, yaml);
                }));
    }

    /**
     * The profile file's bytes, from where the profile was read (its origin: a shipped resource or a user's file,
     * e.g. from --profiles DIR), so any profile can become an image.
     */
    private static byte[] profileBytes(StackProfile profile) {
        String origin = profile.origin();
        try (InputStream in = origin.startsWith("classpath:")
                ? AgentImages.class.getResourceAsStream(origin.substring("classpath:".length()))
                : Files.newInputStream(Path.of(origin))) {
            if (in == null) {
                throw new IllegalStateException("profile " + profile.id() + ": " + origin + " is not in the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("profile " + profile.id() + ": cannot read " + origin + ": " + e.getMessage());
        }
    }

    private synchronized String agentLayer() {
        if (agentTag == null) {
            String jre = jreLayer();
            List<Path> classpath = agentClasspath();
            String dockerfile = template("Dockerfile.lib").replace("{jre}", jre);
            MessageDigest d = ImageBuilder.digest();
            ImageBuilder.update(d, dockerfile.getBytes(StandardCharsets.UTF_8));
            for (Path p : classpath) {
                hashTree(d, p);
            }
            agentTag = builder.ensure(new ImageBuilder.Build("stack-agent", jre, ImageBuilder.hex(d),
                    Map.of(ImageFolder.STACK, "stack-agent", ImageFolder.SHIM, "1"), dockerfile,
                    dir -> writeClasspath(classpath, dir.resolve("stack-agent/lib"))));
        }
        return agentTag;
    }

    private String jreLayer() {
        String modules = template("jlink-modules").lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .findFirst().orElseThrow().strip();
        String dockerfile = template("Dockerfile.jre").replace("{base}", BASE);
        String javaHome = System.getProperty("java.home");
        MessageDigest d = ImageBuilder.digest();
        for (String s : List.of(dockerfile, modules, javaHome, System.getProperty("java.vm.version"),
                builder.baseId(BASE, "images/stack-agent"))) {
            ImageBuilder.update(d, s.getBytes(StandardCharsets.UTF_8));
        }
        return builder.ensure(new ImageBuilder.Build("stack-agent-jre", BASE, ImageBuilder.hex(d),
                Map.of(ImageFolder.STACK, "stack-agent-jre", ImageFolder.SHIM, "none"), dockerfile,
                dir -> jlink(Path.of(javaHome), modules, dir.resolve("stack-agent/jre"))));
    }

    private static void jlink(Path javaHome, String modules, Path out) throws IOException {
        Path jlink = javaHome.resolve("bin/jlink");
        if (!Files.isExecutable(jlink)) {
            throw new IOException("the stack agent's runtime is made with jlink, which " + javaHome
                    + " lacks (run the harness on a JDK, not a JRE)");
        }
        Files.createDirectories(out.getParent());
        Process p = new ProcessBuilder(jlink.toString(), "--add-modules", modules, "--strip-debug", "--no-header-files",
                "--no-man-pages", "--compress=1", "--output", out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException("jlink failed: " + log.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during jlink");
        }
    }

    /**
     * Where the harness's own classes are (the jar, whatever its name, or target/classes in tests) and, from
     * java.class.path, the libraries the agent loads (the self-contained CLI jar already holds them; the library
     * jar a product's build depends on does not).
     */
    static List<Path> agentClasspath() {
        List<Path> out = new ArrayList<>();
        try {
            out.add(Path.of(AgentImages.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the harness's classes: " + e.getMessage());
        }
        if (Files.isRegularFile(out.get(0)) && sameJar(out.get(0), com.fasterxml.jackson.databind.ObjectMapper.class)) {
            return out; // the self-contained CLI jar; the library jar (a Maven dependency) goes on to its libraries
        }
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (!out.contains(p) && Files.isRegularFile(p) && AGENT_JARS.matcher(p.getFileName().toString()).matches()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether {@code type} was loaded from {@code jar} (a shaded jar holds its libraries). */
    private static boolean sameJar(Path jar, Class<?> type) {
        try {
            return jar.equals(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private static void writeClasspath(List<Path> classpath, Path lib) throws IOException {
        Files.createDirectories(lib);
        int n = 0;
        for (Path p : classpath) {
            if (Files.isDirectory(p)) {
                jarOf(p, lib.resolve(String.format("%02d-classes.jar", n++)));
            } else {
                Files.copy(p, lib.resolve(p.getFileName()));
            }
        }
    }

    private static void jarOf(Path dir, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
             Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static void hashTree(MessageDigest d, Path p) {
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                ImageBuilder.update(d, p.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                ImageBuilder.update(d, Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + p + ": " + e.getMessage());
        }
    }

    static String template(String file) {
        Optional<byte[]> b = ImageBuilder.classpathFile("stack-agent/" + file);
        return new String(b.orElseThrow(() -> new IllegalStateException("images/stack-agent/" + file + " missing from the jar")),
                StandardCharsets.UTF_8);
    }

    /** For the run summary: the agent layers this engine used. */
    Map<String, String> layers() {
        Map<String, String> m = new LinkedHashMap<>();
        if (agentTag != null) {
            m.put("agent", agentTag);
        }
        return m;
    }
}
