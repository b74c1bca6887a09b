package io.handshakematrix.engine.jvm;

import io.handshakematrix.profile.JvmLaunch;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the build put what the child JVMs run (pom.xml, process-classes): {@code target/shim/} (the shim
 * jar and Jackson) and {@code target/bc-fips/} (bc-fips and bctls-fips). Found next to the harness's own
 * classes, whether they run from target/classes (tests) or target/handshake-matrix.jar, or unpacked from the
 * jar itself when it was copied elsewhere. The child never
 * gets the harness classpath: the shaded jar holds bcprov, which must not meet bc-fips.
 */
public final class ShimLayout {
    private static final String CHILD_DIR = "hm-child/";
    private final Path target;

    private ShimLayout(Path target) {
        this.target = target;
    }

    public static ShimLayout locate() {
        try {
            Path codeSource = Path.of(ShimLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = codeSource.getParent();
            if (Files.isDirectory(beside.resolve("shim")) || !Files.isRegularFile(codeSource)) {
                return new ShimLayout(beside); // target/classes or target/handshake-matrix.jar inside the build
            }
            return new ShimLayout(unpacked(codeSource).orElse(beside));
        } catch (URISyntaxException | RuntimeException e) {
            return new ShimLayout(Path.of("target"));
        }
    }

    /**
     * A jar copied out of target/ carries the child's jars as hm-child/shim/*.jar and hm-child/bc-fips/*.jar
     * (pom.xml, prepare-package): unpacked once into a directory named after the jar's size and date, so
     * every later run of the same jar reuses it.
     */
    static Optional<Path> unpacked(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            List<JarEntry> entries = jf.stream().filter(e -> e.getName().startsWith(CHILD_DIR)
                    && e.getName().endsWith(".jar")).toList();
            if (entries.isEmpty()) {
                return Optional.empty();
            }
            Path dir = Path.of(System.getProperty("java.io.tmpdir"), "handshake-matrix-child-"
                    + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
            for (JarEntry e : entries) {
                Path out = dir.resolve(e.getName().substring(CHILD_DIR.length()));
                if (Files.isRegularFile(out) && Files.size(out) == e.getSize()) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                Path part = Files.createTempFile(out.getParent(), ".part", ".jar");
                try (InputStream in = jf.getInputStream(e)) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return Optional.of(dir);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The child's classpath for {@code provider}, or why it cannot be built. */
    public Optional<String> classpath(String provider, StringBuilder whyNot) {
        List<Path> jars = jars(target.resolve("shim"));
        if (jars.stream().noneMatch(p -> p.getFileName().toString().endsWith("-shim.jar"))) {
            whyNot.append("no shim jar in ").append(target.resolve("shim")).append(" (run mvn process-classes)");
            return Optional.empty();
        }
        if (provider.equals(JvmLaunch.BC_FIPS)) {
            List<Path> fips = jars(target.resolve("bc-fips"));
            if (fips.size() < 3) {
                whyNot.append("bc-fips, bctls-fips and bcutil-fips not in ").append(target.resolve("bc-fips"))
                        .append(" (run mvn process-classes)");
                return Optional.empty();
            }
            jars = Stream.concat(jars.stream(), fips.stream()).toList();
        }
        return Optional.of(jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    }

    private static List<Path> jars(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
