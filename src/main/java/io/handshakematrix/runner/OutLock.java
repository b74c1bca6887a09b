package io.handshakematrix.runner;

import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One run (or merge) per output directory at a time: an OS lock on {@code OUT/.lock}, taken before anything in
 * OUT is touched and held until the command ends. A second command on the same OUT is refused at once (exit 2)
 * instead of the two truncating and appending to one journal. The OS drops the lock when the process dies, so a
 * killed run never leaves OUT locked; the empty .lock file stays and means nothing by itself.
 */
public final class OutLock implements AutoCloseable {
    public static final String FILE_NAME = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private OutLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static OutLock acquire(Path out) {
        Path file = out.resolve(FILE_NAME);
        FileChannel ch = null;
        try {
            Files.createDirectories(out);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null; // this JVM already holds it (tests run commands in-process)
            }
            if (l == null) {
                ch.close();
                throw new InputError(out.toString(), 0, "another run or merge is writing to this directory (it holds "
                        + file + "); expected one command per --out at a time (wait for it, or choose another --out)");
            }
            return new OutLock(ch, l);
        } catch (IOException e) {
            try {
                if (ch != null) {
                    ch.close();
                }
            } catch (IOException ignored) {
                // the open failed already; that is the error to report
            }
            throw new InputError(out.toString(), 0, "cannot lock the output directory (" + e.getMessage()
                    + "); expected a writable directory");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
