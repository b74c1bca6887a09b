package io.handshakematrix.engine.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Builds an image from an {@link ImageFolder} with the local Docker engine, offline (its FROM is a local image,
 * never pulled). The tag is the harness version plus a hash of everything that goes in (Dockerfile, labels,
 * copied files, the base image's id), so an image is built once and reused by every later run, and a changed
 * folder or profile rebuilds only its own image. Build times are kept for the run's summary.
 */
final class ImageBuilder {
    static final String REPOSITORY = "handshake-matrix/";
    static final String HASH_LABEL = ImageFolder.PREFIX + "content-hash";
    static final String BUILD_SECONDS_LABEL = ImageFolder.PREFIX + "build-seconds";

    private final DockerClient docker;
    private final Map<String, String> builtNow = new ConcurrentHashMap<>();

    ImageBuilder(DockerClient docker) {
        this.docker = docker;
    }

    /** The harness version from the build (version.properties), used in every tag. */
    static String harnessVersion() {
        try (InputStream in = ImageBuilder.class.getResourceAsStream("/io/handshakematrix/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    /** Writes an image's build context (the Dockerfile excepted) into a directory. */
    interface Context {
        void write(Path dir) throws IOException;
    }

    /**
     * One image to build: its name, base, a hash of everything that goes in (computed by the caller, without
     * building), labels, Dockerfile (at NAME/Dockerfile in the context) and the rest of its context.
     */
    record Build(String name, String from, String hash, Map<String, String> labels, String dockerfile, Context context) {
        String tag() {
            return REPOSITORY + name + ":" + harnessVersion() + "-" + hash;
        }
    }

    /** The image's tag; builds it first if no image has that tag. Throws with the reason if it cannot. */
    String ensure(ImageFolder folder) {
        String hash = hash(folder, baseId(folder.from(), "images/" + folder.name()));
        return ensure(new Build(folder.name(), folder.from(), hash, folder.labels(), folder.dockerfile(),
                dir -> writeCopied(dir, folder.copied())));
    }

    /**
     * Writes the copied files into the build directory. ImageFolder refused every source that leaves the
     * context while reading it; this refuses again, before writing anything, should a path slip through.
     */
    static void writeCopied(Path dir, Map<String, byte[]> copied) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        for (String rel : copied.keySet()) {
            if (ImageFolder.escapes(rel) != null || !root.resolve(rel).normalize().startsWith(root)) {
                throw new IOException("COPY source " + rel + " leaves the build directory; nothing written");
            }
        }
        for (Map.Entry<String, byte[]> f : copied.entrySet()) {
            Path p = root.resolve(f.getKey()).normalize();
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
            p.toFile().setExecutable(true); // wrappers are run directly
        }
    }

    /** The id of a local base image; why not, if it is absent (nothing is pulled). */
    String baseId(String image, String forWhat) {
        try {
            return docker.inspectImageCmd(image).exec().getId();
        } catch (NotFoundException e) {
            throw new IllegalStateException("base image " + image + " of " + forWhat
                    + " is not built (run images/build.sh; nothing is pulled)");
        }
    }

    /** Every tag this process built or reused, layers under the profile images included (what a prune keeps). */
    private static final Set<String> ENSURED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static Set<String> ensuredTags() {
        return Set.copyOf(ENSURED);
    }

    synchronized String ensure(Build b) {
        String tag = b.tag();
        ENSURED.add(tag);
        try {
            docker.inspectImageCmd(tag).exec();
            return tag;
        } catch (NotFoundException absent) {
            // build below
        }
        long t0 = System.nanoTime();
        Path dir = null;
        try {
            dir = io.handshakematrix.yaml.ChildProcesses.registerStaging(
                    Files.createTempDirectory("hm-image-" + b.name()));
            Path dockerfile = dir.resolve(b.name()).resolve("Dockerfile");
            Files.createDirectories(dockerfile.getParent());
            Files.writeString(dockerfile, b.dockerfile());
            b.context().write(dir);
            Map<String, String> labels = new LinkedHashMap<>(b.labels());
            labels.put(HASH_LABEL, b.hash());
            docker.buildImageCmd().withBaseDirectory(dir.toFile()).withDockerfile(dockerfile.toFile())
                    .withTags(Set.of(tag)).withLabels(labels).withPull(false).withRemove(true)
                    .withForcerm(true) // a failed RUN step leaves no build container behind
                    .exec(new BuildImageResultCallback()).awaitImageId();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build context of " + b.name() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("docker build of " + b.name() + " failed: " + e.getMessage(), e);
        } finally {
            delete(dir);
            if (dir != null) {
                io.handshakematrix.yaml.ChildProcesses.forgetStaging(dir);
            }
        }
        builtNow.put(tag, String.format("%.1f s", (System.nanoTime() - t0) / 1e9));
        return tag;
    }

    /** "built in N s" for images this run built, "cached" for the others. */
    String buildNote(String tag) {
        String s = builtNow.get(tag);
        return s == null ? "cached" : "built in " + s;
    }

    static String hash(ImageFolder folder, String baseId) {
        MessageDigest d = digest();
        update(d, folder.dockerfile().getBytes(StandardCharsets.UTF_8));
        update(d, folder.labelsFile());
        folder.copied().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            update(d, e.getKey().getBytes(StandardCharsets.UTF_8));
            update(d, e.getValue());
        });
        update(d, baseId.getBytes(StandardCharsets.UTF_8));
        return hex(d);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest()).substring(0, 12);
    }

    static void update(MessageDigest d, byte[] b) {
        d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) 0);
        d.update(b);
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind holds only a copy of the build context
        }
    }

    static Optional<byte[]> classpathFile(String pathInImages) {
        try (InputStream in = ImageBuilder.class.getResourceAsStream("/images/" + pathInImages)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
