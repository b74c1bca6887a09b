package io.handshakematrix.engine.jvm;

import io.handshakematrix.profile.JvmLaunch;
import java.io.File;
import java.io.IOException;
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
 * classes, whether they run from target/classes (tests) or target/handshake-matrix.jar. The child never
 * gets the harness classpath: the shaded jar holds bcprov, which must not meet bc-fips.
 */
public final class ShimLayout {
    private final Path target;

    private ShimLayout(Path target) {
        this.target = target;
    }

    public static ShimLayout locate() {
        try {
            Path codeSource = Path.of(ShimLayout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new ShimLayout(codeSource.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return new ShimLayout(Path.of("target"));
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
