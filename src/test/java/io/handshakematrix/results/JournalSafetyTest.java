package io.handshakematrix.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal never glues two records and a resume keeps every complete one: a killed CI job loses no result. */
class JournalSafetyTest {
    @TempDir
    Path dir;

    private static CellResult result(int i) {
        Cell c = new Cell("rhel-7.7", "rhel-6.10", "NO", String.valueOf(1000 + i), "TLSv1.2", 0);
        return new CellResult(c, "emulated", HandshakeResult.builder(Outcome.ERROR).detail("cell " + i).durationMs(i).build(), null, null, List.of());
    }

    @Test
    void aWriteThatFailsPartWayLeavesNoHalfRecordForTheNextToGlueTo() throws IOException {
        Path file = dir.resolve(ResultJournal.FILE_NAME);
        FlakyChannel ch = new FlakyChannel(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ));
        try (ResultJournal j = ResultJournal.over(file, ch)) {
            j.append(result(1));
            ch.failNextWriteAfter(10, false); // the disk fills up 10 bytes into the record, and the cut-off fails too
            assertThrows(IOException.class, () -> j.append(result(2)));
            j.append(result(3)); // the disk has room again
            j.append(result(4));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals(10, lines.get(1).length(), "the fragment is a line of its own: " + lines.get(1));
        try (ResultJournal j = ResultJournal.resume(file)) {
            assertEquals(3, j.size());
            assertEquals(List.of(file + ":2: dropped a broken record (not one cell result, 11 bytes); its cell runs again"),
                    j.warnings());
            assertTrue(j.has(result(1).cell().key()) && j.has(result(3).cell().key()) && j.has(result(4).cell().key()));
            assertFalse(j.has(result(2).cell().key()), "the broken cell runs again");
            assertEquals("cell 4", j.read(result(4).cell().key()).result().detail());
            j.append(result(2));
        }
        assertEquals(4, Files.readAllLines(file).size(), "rewritten without the fragment, then cell 2 again");
        try (ResultJournal j = ResultJournal.resume(file)) {
            assertEquals(4, j.size());
            assertTrue(j.warnings().isEmpty(), String.valueOf(j.warnings()));
        }
    }

    @Test
    void aWriteThatFailsPartWayIsCutOffWhenTheDiskAllows() throws IOException {
        Path file = dir.resolve(ResultJournal.FILE_NAME);
        FlakyChannel ch = new FlakyChannel(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ));
        try (ResultJournal j = ResultJournal.over(file, ch)) {
            j.append(result(1));
            ch.failNextWriteAfter(10, true);
            assertThrows(IOException.class, () -> j.append(result(2)));
            j.append(result(3));
        }
        assertEquals(2, Files.readAllLines(file).size());
        try (ResultJournal j = ResultJournal.resume(file)) {
            assertEquals(2, j.size());
            assertTrue(j.warnings().isEmpty());
        }
    }

    @Test
    void aGarbledLineInTheMiddleIsDroppedWithItsLineAndEveryOtherRecordKept() throws IOException {
        Path file = dir.resolve(ResultJournal.FILE_NAME);
        try (ResultJournal j = ResultJournal.create(file)) {
            for (int i = 1; i <= 5; i++) {
                j.append(result(i));
            }
        }
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).substring(0, 30) + lines.get(3)); // two records glued, as the old journal did
        lines.remove(3);
        Files.write(file, lines);
        try (ResultJournal j = ResultJournal.resume(file)) {
            assertEquals(3, j.size());
            assertEquals(1, j.warnings().size());
            assertTrue(j.warnings().get(0).startsWith(file + ":3: dropped a broken record"), j.warnings().get(0));
            for (int i : new int[] {1, 2, 5}) {
                assertEquals("cell " + i, j.read(result(i).cell().key()).result().detail());
            }
        }
    }

    /** A channel whose next write stops part way with "No space left on device", as a full disk does. */
    private static final class FlakyChannel extends FileChannel {
        private final FileChannel inner;
        private int failAfter = -1;
        private boolean truncateWorks;

        FlakyChannel(FileChannel inner) {
            this.inner = inner;
        }

        void failNextWriteAfter(int bytes, boolean truncateWorks) {
            this.failAfter = bytes;
            this.truncateWorks = truncateWorks;
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (failAfter >= 0) {
                ByteBuffer part = src.duplicate();
                part.limit(part.position() + failAfter);
                inner.write(part, position);
                src.position(src.position() + failAfter);
                failAfter = -1;
                throw new IOException("No space left on device");
            }
            return inner.write(src, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (!truncateWorks) {
                truncateWorks = true;
                throw new IOException("No space left on device");
            }
            inner.truncate(size);
            return this;
        }

        @Override public int read(ByteBuffer dst) throws IOException { return inner.read(dst); }
        @Override public long read(ByteBuffer[] d, int o, int l) throws IOException { return inner.read(d, o, l); }
        @Override public int write(ByteBuffer src) throws IOException { return inner.write(src); }
        @Override public long write(ByteBuffer[] s, int o, int l) throws IOException { return inner.write(s, o, l); }
        @Override public long position() throws IOException { return inner.position(); }
        @Override public FileChannel position(long p) throws IOException { inner.position(p); return this; }
        @Override public long size() throws IOException { return inner.size(); }
        @Override public void force(boolean m) throws IOException { inner.force(m); }
        @Override public long transferTo(long p, long c, WritableByteChannel t) throws IOException { return inner.transferTo(p, c, t); }
        @Override public long transferFrom(ReadableByteChannel s, long p, long c) throws IOException { return inner.transferFrom(s, p, c); }
        @Override public int read(ByteBuffer dst, long p) throws IOException { return inner.read(dst, p); }
        @Override public MappedByteBuffer map(MapMode m, long p, long s) throws IOException { return inner.map(m, p, s); }
        @Override public FileLock lock(long p, long s, boolean sh) throws IOException { return inner.lock(p, s, sh); }
        @Override public FileLock tryLock(long p, long s, boolean sh) throws IOException { return inner.tryLock(p, s, sh); }
        @Override protected void implCloseChannel() throws IOException { inner.close(); }
    }
}
