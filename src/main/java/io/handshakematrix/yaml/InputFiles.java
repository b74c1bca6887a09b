package io.handshakematrix.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a user's input file safely: regular files only (a FIFO would block for ever, /dev/zero never ends, a
 * directory is no file), and at most {@code limit + 1} bytes, so an oversized file is refused after reading
 * one byte more than allowed, never read whole. Every refusal is one {@link InputError} line.
 */
public final class InputFiles {
    private InputFiles() {}

    /** The file's bytes; {@code expected} says what the file should be ("a YAML file", "a configssl.cnf file"). */
    public static byte[] read(Path file, int limit, String expected) {
        requireRegular(file, expected);
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new InputError(name, 0, "file is over " + limit + " bytes; expected " + expected + " of at most "
                        + limit + " bytes");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InputError(name, 0, "file not found; expected " + expected);
        } catch (IOException e) {
            throw new InputError(name, 0, "cannot read (" + e.getClass().getSimpleName() + "); expected " + expected);
        }
    }

    /**
     * Refuses anything but an existing regular file (symbolic links are followed). Checked before opening:
     * opening a FIFO for reading blocks until a writer comes, which may be never.
     */
    public static void requireRegular(Path file, String expected) {
        String name = file.toString();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InputError(name, 0, "file not found; expected " + expected);
        } catch (AccessDeniedException e) {
            throw new InputError(name, 0, "permission denied; expected " + expected + " this user can read");
        } catch (IOException e) {
            throw new InputError(name, 0, "cannot read (" + e.getClass().getSimpleName() + "); expected " + expected);
        }
        if (a.isDirectory()) {
            throw new InputError(name, 0, "is a directory; expected " + expected);
        }
        if (!a.isRegularFile()) {
            throw new InputError(name, 0, "is not a regular file (a FIFO, device or socket); expected " + expected);
        }
    }
}
