package io.handshakematrix.runner;

import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.yaml.InputFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a run records so that 'merge' can tell its shards belong together: the harness version that ran them
 * and a digest of the matrix (every file of it, includes too, byte for byte). Shards of two matrices, or of
 * two harness versions, would otherwise merge into a report that reads as one complete run.
 */
public final class RunStamp {
    /** Kept in step with the pom's version and Main's --version. */
    public static final String HARNESS_VERSION = "0.1";
    public static final String VERSION_KEY = "harnessVersion";
    public static final String DIGEST_KEY = "matrixDigest";
    private static final int MAX_MATRIX_BYTES = 4 * 1024 * 1024;

    private RunStamp() {}

    /** SHA-256 over each part's path name and bytes, in the matrix's part order. */
    public static String digest(Matrix matrix) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Matrix part : matrix.parts()) {
                Path f = Path.of(part.file());
                d.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(InputFiles.read(f, MAX_MATRIX_BYTES, "a matrix file"));
                d.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
