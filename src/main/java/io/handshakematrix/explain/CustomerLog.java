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
        if (bytes.length == 0 || new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            throw new InputError(file.toString(), 1, "empty; expected the log lines to explain");
        }
        int line = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            } else if (bytes[i] == 0) {
                throw new InputError(file.toString(), line, "binary data (a NUL byte at offset " + i
                        + "); expected a text log");
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1); // an old product's Latin-1 log is still text
        }
        return new ArrayList<>(text.lines().toList());
    }
}
