package io.handshakematrix.engine.jvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds an installed Java by feature release (17, 25) at run time rather than by a fixed path: the
 * harness's own runtime, then $JAVA_HOME, then every JDK under /usr/lib/jvm (Debian's and Temurin's
 * packages install there). A JDK's {@code release} file says which release it is.
 */
public final class JavaRuntimes {
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final Path SYSTEM_JVMS = Path.of("/usr/lib/jvm");

    private JavaRuntimes() {}

    /** The {@code bin/java} of a runtime of feature release {@code feature}, if one is installed. */
    public static Optional<Path> find(int feature) {
        for (Path home : candidates()) {
            Path java = home.resolve("bin").resolve("java");
            if (Files.isExecutable(java) && feature(home).orElse(-1) == feature) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        out.add(Path.of(System.getProperty("java.home")));
        String env = System.getenv("JAVA_HOME");
        if (env != null && !env.isBlank()) {
            out.add(Path.of(env));
        }
        if (Files.isDirectory(SYSTEM_JVMS)) {
            try (Stream<Path> s = Files.list(SYSTEM_JVMS)) {
                s.sorted().forEach(out::add);
            } catch (IOException ignored) {
                // an unreadable directory only means fewer candidates
            }
        }
        return out;
    }

    static Optional<Integer> feature(Path home) {
        try {
            Matcher m = VERSION.matcher(Files.readString(home.resolve("release")));
            return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
