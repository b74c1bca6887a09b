package io.handshakematrix.yaml;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bytes that must be UTF-8 text; otherwise one {@link InputError} naming the line of the first bad byte. */
public final class TextBytes {
    private TextBytes() {}

    /** The text, or an error saying which line holds the first byte that is not UTF-8 text, and what it looks like. */
    public static String utf8(String name, byte[] bytes, String expected) {
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
            throw new InputError(name, 1, "UTF-16 text (byte order mark); expected " + expected + " in UTF-8");
        }
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int at = in.position();
            throw new InputError(name, lineOf(bytes, at), String.format("byte 0x%02X is not UTF-8 (a Latin-1 editor?); "
                    + "expected %s in UTF-8", bytes[at] & 0xFF, expected));
        }
        d.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new InputError(name, (int) text.substring(0, nul).chars().filter(c -> c == '\n').count() + 1,
                    "binary data (a NUL byte); expected " + expected + " (text)");
        }
        return text;
    }

    /**
     * Refuses a UTF-8 byte-order mark by name. Formats read line by line (configssl.cnf, PEM) would otherwise
     * see it as three stray characters before the first '[' or '-----BEGIN', as OpenSSL's readers do.
     */
    public static void refuseUtf8Bom(String name, byte[] bytes, String expected) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            throw new InputError(name, 1, "starts with a UTF-8 byte-order mark (EF BB BF); expected " + expected
                    + " without one (save it as UTF-8 without BOM)");
        }
    }

    private static int lineOf(byte[] b, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (b[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
