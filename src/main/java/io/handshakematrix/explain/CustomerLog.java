package io.handshakematrix.explain;

import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's log file as text lines, refused in one line when it is empty, binary or larger than
 * {@link #LIMIT_BYTES} (read no further than the limit: a multi-gigabyte log is never loaded).
 */
public final class CustomerLog {
    /** The most explain reads from a file: a day of a busy product's TLS log; cut a larger one around the failure. */
    public static final int LIMIT_BYTES = 4 * 1024 * 1024;

    private CustomerLog() {}

    public static List<String> read(Path file) {
        // a FIFO or a device would block the open or never end: only a regular file is read
        io.handshakematrix.yaml.InputFiles.requireRegular(file, "a log file");
        byte[] bytes;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            bytes = in.readNBytes(LIMIT_BYTES + 1);
        } catch (IOException e) {
            throw new InputError(file.toString(), 0, "cannot read (" + e.getMessage() + "); expected a readable log file");
        }
        if (bytes.length > LIMIT_BYTES) {
            throw new InputError(file.toString(), 0, "larger than the " + LIMIT_BYTES / (1024 * 1024) + " MiB explain reads ("
                    + Math.max(size, bytes.length) + " bytes); expected the part of the log around the failure");
        }
        String text = decode(bytes, file);
        if (text.isBlank()) {
            throw new InputError(file.toString(), 1, "empty; expected the log lines to explain");
        }
        List<String> lines = new ArrayList<>();
        text.lines().forEach(l -> lines.add(printable(l)));
        return lines;
    }

    /**
     * The log's text: UTF-16 (by its byte order mark, or by a NUL in every other byte, as a Windows tool writes it)
     * or UTF-8 (a BOM dropped), else Latin-1 (an old product's log is still text). A NUL in a log that is neither
     * is binary data.
     */
    static String decode(byte[] bytes, Path file) {
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        Integer nulParity = utf16Parity(bytes);
        if (nulParity != null) {
            return new String(bytes, nulParity == 1 ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        }
        int line = 1;
        for (int i = offset; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            } else if (bytes[i] == 0) {
                throw new InputError(file.toString(), line, "binary data (a NUL byte at offset " + i
                        + "); expected a text log");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * UTF-16 without a BOM: an even length and a NUL in every odd byte (little-endian: 1) or every even byte
     * (big-endian: 0) of the first 1 KiB, nowhere else; null when it is not.
     */
    private static Integer utf16Parity(byte[] b) {
        if (b.length < 4 || b.length % 2 != 0) {
            return null;
        }
        int n = Math.min(b.length, 1024);
        for (int parity = 0; parity <= 1; parity++) {
            boolean all = true;
            for (int i = 0; i + 1 < n && all; i += 2) {
                all = b[i + parity] == 0 && b[i + 1 - parity] != 0;
            }
            if (all) {
                return parity;
            }
        }
        return null;
    }

    /** A log line as the terminal may show it: {@link io.handshakematrix.yaml.ValueText#printable}. */
    public static String printable(String line) {
        return io.handshakematrix.yaml.ValueText.printable(line);
    }
}
