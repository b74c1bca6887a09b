package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * expand writes the lock to a temporary file and renames it into place (a full disk truncated the committed lock
 * in place); a lock path that is a directory is bad input in one line (it was exit 3 with a stack trace).
 */
class ExpandLockTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryAsLockIsOneLineAndExitTwo() throws IOException {
        Path m = Files.writeString(dir.resolve("m.yaml"), MainTest.SMALL_MATRIX);
        Path lockDir = Files.createDirectories(dir.resolve("lock"));
        CliRun r = CliRun.of("expand", "--matrix", m.toString(), "--lock", lockDir.toString());
        assertEquals(2, r.code(), r.all());
        assertEquals(1, r.err().strip().lines().count(), r.all());
        assertTrue(r.err().startsWith(lockDir + ": not a regular file"), r.err());
    }

    @Test
    void theLockIsReplacedWholeAndNoTemporaryFileStays() throws IOException {
        Path m = Files.writeString(dir.resolve("m.yaml"), MainTest.SMALL_MATRIX);
        Path lock = Files.writeString(dir.resolve("m.lock"), "old\n");
        CliRun r = CliRun.of("expand", "--matrix", m.toString());
        assertEquals(0, r.code(), r.all());
        assertTrue(Files.readString(lock).contains("rhel-7.7"), Files.readString(lock));
        try (var s = Files.list(dir)) {
            assertEquals(0, s.filter(p -> p.toString().endsWith(".tmp")).count());
        }
        assertEquals(0, CliRun.of("expand", "--matrix", m.toString(), "--check").code());
    }
}
