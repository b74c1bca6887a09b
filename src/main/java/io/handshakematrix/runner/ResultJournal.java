package io.handshakematrix.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.report.ResultsJson;
import io.handshakematrix.yaml.InputError;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
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
    private static final List<String> CELL_FIELDS = List.of("sender", "receiver", "receiveSide", "dhGroup", "protocol");

    private final Path file;
    private final FileChannel channel;
    private final Map<String, Long> offsets = new ConcurrentHashMap<>();
    private final long droppedBytes;
    private long end;

    private ResultJournal(Path file, FileChannel channel, long droppedBytes) throws IOException {
        this.file = file;
        this.channel = channel;
        this.droppedBytes = droppedBytes;
        this.end = channel.size();
    }

    /** A new, empty journal (an old one at {@code file} is replaced). */
    public static ResultJournal create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ, StandardOpenOption.TRUNCATE_EXISTING);
        return new ResultJournal(file, ch, 0);
    }

    /**
     * The journal of an earlier run, to continue. A last line without its newline is what a kill mid-write
     * leaves: it is cut off and that cell runs again. A complete line that is not a cell is bad input.
     */
    public static ResultJournal resume(Path file) throws IOException {
        if (!Files.exists(file)) {
            return create(file);
        }
        Map<String, Long> found = new ConcurrentHashMap<>();
        long good = 0;
        int lineNo = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long pos = 0;
            int b;
            while ((b = in.read()) >= 0) {
                pos++;
                if (b != '\n') {
                    line.write(b);
                    continue;
                }
                lineNo++;
                found.put(keyOf(file, lineNo, line.toByteArray()), good);
                good = pos;
                line.reset();
            }
        }
        long size = Files.size(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ);
        ch.truncate(good);
        ResultJournal j = new ResultJournal(file, ch, size - good);
        j.offsets.putAll(found);
        return j;
    }

    private static String keyOf(Path file, int lineNo, byte[] line) {
        try {
            JsonNode n = JSON.readTree(line);
            boolean cell = n != null && n.isObject() && Outcome.parse(n.path("outcome").asText()) != null
                    && CELL_FIELDS.stream().allMatch(f -> n.path(f).isTextual());
            if (cell) {
                return ResultsJson.fromJson(n).cell().key();
            }
        } catch (IOException | RuntimeException e) {
            // reported below, like any other line that is not a cell
        }
        throw new InputError(file.toString(), lineNo, "expected one cell result (a JSON object) per line; "
                + "delete the file or run without --resume to start over");
    }

    public Path file() {
        return file;
    }

    /** Bytes of a partial last line cut off when resuming (0 if the earlier run ended cleanly). */
    public long droppedBytes() {
        return droppedBytes;
    }

    public boolean has(String cellKey) {
        return offsets.containsKey(cellKey);
    }

    public int size() {
        return offsets.size();
    }

    public synchronized void append(CellResult result) throws IOException {
        byte[] json = JSON.writeValueAsBytes(ResultsJson.cell(result));
        ByteBuffer buf = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        long at = end;
        while (buf.hasRemaining()) {
            end += channel.write(buf, end);
        }
        offsets.put(result.cell().key(), at);
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
