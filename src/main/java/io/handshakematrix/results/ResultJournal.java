package io.handshakematrix.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.InputFiles;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The append-only record of finished cells (JSON Lines, one results.json cell object per line), written
 * as each cell ends so a killed run loses at most the line being written. Only the byte offset of each
 * line stays in memory; results are read back one at a time. {@code run --resume} reopens it and skips
 * the cells it holds. Lines reach the OS at once (a killed process loses nothing); they are not fsynced
 * per cell, so a power cut may lose the last ones, which a resume then runs again.
 */
public final class ResultJournal implements AutoCloseable {
    public static final String FILE_NAME = "cells.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No cell result comes near this; a longer line is broken, and is not buffered past it. */
    private static final int MAX_LINE = 64 * 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Long> offsets = new ConcurrentHashMap<>();
    private final long droppedBytes;
    private final List<String> warnings = new ArrayList<>();
    private long end;
    /** A failed write left bytes after the last newline that could not be cut off. */
    private boolean fragmentLeft;

    private ResultJournal(Path file, FileChannel channel, long droppedBytes) throws IOException {
        this.file = file;
        this.channel = channel;
        this.droppedBytes = droppedBytes;
        this.end = channel.size();
    }

    /** Tests only: a journal over a given channel (one that fails a write part way, as a full disk does). */
    static ResultJournal over(Path file, FileChannel channel) throws IOException {
        return new ResultJournal(file, channel, 0);
    }

    /** A new, empty journal (an old one at {@code file} is replaced). */
    public static ResultJournal create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        return new ResultJournal(file, ch, 0);
    }

    /**
     * The journal of an earlier run, to continue. Every complete record is kept. A line that is no cell result
     * (a half line a kill or a failed write left, garbled bytes) is dropped with a warning naming its line
     * ({@link #warnings()}), and its cell runs again; the file is then rewritten without it, so the next resume
     * does not warn again. A file in which no line at all is a cell result is refused: it is not a journal.
     */
    public static ResultJournal resume(Path file) throws IOException {
        if (!Files.exists(file)) {
            return create(file);
        }
        InputFiles.requireRegular(file, "the journal of an earlier run (" + FILE_NAME + ")");
        Map<String, Long> found = new ConcurrentHashMap<>();
        List<String> warnings = new ArrayList<>();
        List<long[]> keep = new ArrayList<>(); // {start, end} of each good line, newline included
        long dropped = 0;
        int brokenComplete = 0;
        int lineNo = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long pos = 0;
            long start = 0;
            int b;
            while (true) {
                b = in.read();
                if (b >= 0) {
                    pos++;
                    if (b != '\n') {
                        if (line.size() <= MAX_LINE) {
                            line.write(b);
                        }
                        continue;
                    }
                } else if (pos == start) {
                    break; // the file ended with a newline
                }
                lineNo++;
                String key = keyOf(line.toByteArray());
                if (key == null) {
                    warnings.add(file + ":" + lineNo + ": dropped a broken record ("
                            + (b < 0 ? "unterminated last line" : "not one cell result") + ", " + (pos - start)
                            + " bytes); its cell runs again");
                    dropped += pos - start;
                    brokenComplete += b < 0 ? 0 : 1;
                } else {
                    found.put(key, start);
                    keep.add(new long[] {start, pos});
                }
                line.reset();
                start = pos;
                if (b < 0) {
                    break;
                }
            }
        }
        if (found.isEmpty() && brokenComplete > 0) {
            throw new InputError(file.toString(), 1, "no line is a cell result; expected the journal of an earlier "
                    + "run (delete the file or run without --resume to start over)");
        }
        if (dropped > 0) {
            Map<Long, Long> moved = compact(file, keep);
            found.replaceAll((k, at) -> moved.get(at));
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        ResultJournal j = new ResultJournal(file, ch, dropped);
        j.offsets.putAll(found);
        j.warnings.addAll(warnings);
        return j;
    }

    /**
     * Rewrites the journal with only the good lines: to a temporary file, then moved over the old one, so a kill
     * during the rewrite leaves the old journal. Returns each kept line's new offset by its old one.
     */
    private static Map<Long, Long> compact(Path file, List<long[]> keep) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Map<Long, Long> newAt = new java.util.HashMap<>();
        try (FileChannel src = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel dst = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            long out = 0;
            for (long[] k : keep) {
                newAt.put(k[0], out);
                long n = k[1] - k[0];
                long done = 0;
                while (done < n) {
                    done += src.transferTo(k[0] + done, n - done, dst);
                }
                out += n;
            }
            dst.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return newAt;
    }

    /** The cell key of a journal line, or null if the line is no cell result. */
    private static String keyOf(byte[] line) {
        if (line.length > MAX_LINE) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(line);
            if (CellShape.problem(n) == null) {
                return ResultsJson.fromJson(n).cell().key();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON, or not a cell: the caller drops the line with a warning
        }
        return null;
    }

    /** What resuming dropped, one line each ({@code file:line: ...}), for the caller to print. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Path file() {
        return file;
    }

    /** Bytes of broken lines dropped when resuming (0 if the earlier run ended cleanly). */
    public long droppedBytes() {
        return droppedBytes;
    }

    public boolean has(String cellKey) {
        return offsets.containsKey(cellKey);
    }

    public int size() {
        return offsets.size();
    }

    /**
     * Appends one record and its newline as one buffer. If a write fails part way (a disk full for a moment), the
     * fragment is cut off again; if even that fails, the next record starts with a newline, so the fragment is a
     * line of its own (which a resume drops) and can never be glued to the next record.
     */
    public synchronized void append(CellResult result) throws IOException {
        byte[] json = JSON.writeValueAsBytes(ResultsJson.cell(result));
        int lead = fragmentLeft ? 1 : 0;
        ByteBuffer buf = ByteBuffer.allocate(lead + json.length + 1);
        if (lead == 1) {
            buf.put((byte) '\n');
        }
        buf.put(json).put((byte) '\n').flip();
        long at = end;
        try {
            long pos = at;
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
            end = pos;
        } catch (IOException e) {
            try {
                channel.truncate(at);
            } catch (IOException again) {
                end = channel.size() > at ? channel.size() : at;
                fragmentLeft = true;
            }
            throw e;
        }
        fragmentLeft = false;
        offsets.put(result.cell().key(), at + lead);
    }

    /** The journaled result of a cell, read back from disk. */
    public CellResult read(String cellKey) {
        Long at = offsets.get(cellKey);
        if (at == null) {
            throw new IllegalArgumentException("not in the journal: " + cellKey);
        }
        try {
            JsonNode n = JSON.readTree(lineAt(at));
            return ResultsJson.fromJson(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] lineAt(long offset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        long pos = offset;
        while (true) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) {
                return out.toByteArray();
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    out.write(buf.array(), 0, i);
                    return out.toByteArray();
                }
            }
            out.write(buf.array(), 0, n);
            pos += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
