package io.handshakematrix.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where an {@code include:} of a matrix may point (never any file). Resolved relative to the including file, then to
 * its real path (symbolic links followed), which must lie inside the top matrix's folder unless the user said
 * {@code --allow-outside}: {@code include: [/etc/passwd]} is refused before the file is opened, so its content
 * can never reach a message. A loop is found by real path, so a symbolic link back to a file being read is named
 * as a loop at once instead of 40 levels deep as "not found".
 */
public final class IncludeResolver {
    private final Path root;
    private final boolean allowOutside;

    /** {@code topMatrix}: the matrix file the user named; its folder bounds every include. */
    public IncludeResolver(Path topMatrix, boolean allowOutside) {
        this.root = real(topMatrix.toAbsolutePath().getParent());
        this.allowOutside = allowOutside;
    }

    /** The real path of a file or folder, or its normalized absolute path when it does not exist. */
    public static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * The real path of the file {@code n} names, checked; {@code chain}: the real paths of the files whose
     * includes led here, the including file last.
     */
    public Path resolve(YamlNode n, Path includingFile, List<Path> chain) {
        String text = n.text();
        Path lexical = includingFile.toAbsolutePath().getParent().resolve(text).normalize();
        Path real = real(lexical);
        if (!allowOutside && !real.startsWith(root)) {
            throw n.error(n.path() + ": '" + text + "' is outside the matrix's folder " + root
                    + "; expected a matrix file under it (or run with --allow-outside)");
        }
        if (chain.contains(real)) {
            Path including = chain.get(chain.size() - 1);
            throw n.error(n.path() + ": " + text + " includes itself (through " + including.getFileName()
                    + (real.equals(lexical) ? "" : "; it is " + real) + "); expected a matrix file not already being read");
        }
        if (!Files.exists(real)) {
            throw n.error(n.path() + ": " + lexical + " not found; expected a matrix file (relative to this one)");
        }
        if (!Files.isRegularFile(real)) {
            throw n.error(n.path() + ": " + lexical + " is not a regular file; expected a matrix file (relative to this one)");
        }
        return real;
    }
}
