package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image folder (a product's, or one under images/) names the files its Dockerfile copies; the harness copies
 * them into a temporary build directory before Docker sees the build. A source that leaves the folder's build
 * context ({@code COPY ../../x}, an absolute path, a symlink pointing out) was resolved against that temporary
 * directory and written outside it, made executable, before Docker refused the build: a checked-out product
 * folder could plant files wherever the harness can write. Such a folder is bad input, refused while it is read,
 * before anything is copied.
 */
class BuildContextEscapeTest {
    @TempDir
    Path dir;

    private Path folder(String copyLine) throws IOException {
        Path images = dir.resolve("images");
        Path f = images.resolve("evil");
        Files.createDirectories(f);
        Files.writeString(f.resolve("Dockerfile"), "FROM handshake-matrix/debian-12:bookworm\n" + copyLine + "\n");
        Files.writeString(f.resolve("labels"), "io.handshakematrix.stack=evil\nio.handshakematrix.library=none\n"
                + "io.handshakematrix.version=0\nio.handshakematrix.roles=sender\nio.handshakematrix.shim=1\n");
        Files.writeString(dir.resolve("planted"), "#!/bin/sh\necho planted\n");
        return images;
    }

    private static void refusedAtLineTwo(Path images, String copyLine) {
        InputError e = assertThrows(InputError.class, () -> StackImages.describe(images, "evil"), copyLine);
        assertTrue(e.oneLine().startsWith(images + "/evil/Dockerfile:2: "), e.oneLine());
        assertTrue(e.oneLine().contains("leaves the build context"), e.oneLine());
    }

    @Test
    void aParentDirectorySourceIsRefused() throws IOException {
        Path images = folder("COPY ../planted /usr/local/bin/hm-shim");
        refusedAtLineTwo(images, "COPY ../planted");
    }

    @Test
    void aSourceThatClimbsPastTheTemporaryBuildDirectoryIsRefused() throws IOException {
        Path images = folder("COPY evil/../../planted /usr/local/bin/hm-shim");
        refusedAtLineTwo(images, "COPY evil/../../planted");
    }

    @Test
    void anAbsoluteSourceIsRefused() throws IOException {
        Path images = folder("ADD " + dir.resolve("planted") + " /usr/local/bin/hm-shim");
        refusedAtLineTwo(images, "ADD absolute");
    }

    @Test
    void aSymlinkLeavingTheFolderIsRefused() throws IOException {
        Path images = folder("COPY shims/link /usr/local/bin/hm-shim");
        Files.createDirectories(images.resolve("shims"));
        Files.createSymbolicLink(images.resolve("shims/link"), dir.resolve("planted"));
        refusedAtLineTwo(images, "COPY symlink");
    }

    @Test
    void imagesCheckSaysItInOneLineWithExitTwo() throws IOException {
        Path images = folder("COPY ../planted /usr/local/bin/hm-shim");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true));
            code = io.handshakematrix.cli.Main.execute("images", "--check", images.toString());
        } finally {
            System.setErr(old);
        }
        assertEquals(2, code, err::toString);
        assertEquals(1, err.toString().strip().lines().count(), err::toString);
    }

    @Test
    void theBuildDirectoryWriterRefusesAnEscapingPathBeforeWritingAnything() throws IOException {
        Path build = Files.createDirectories(dir.resolve("a/b/build"));
        java.util.Map<String, byte[]> copied = new java.util.LinkedHashMap<>();
        copied.put("shims/ok.sh", new byte[] {1});
        copied.put("../../x", new byte[] {2});
        assertThrows(IOException.class, () -> ImageBuilder.writeCopied(build, copied));
        assertTrue(Files.notExists(dir.resolve("a/x")));
        assertTrue(Files.notExists(build.resolve("shims/ok.sh")), "nothing is written once one path escapes");
    }
}
