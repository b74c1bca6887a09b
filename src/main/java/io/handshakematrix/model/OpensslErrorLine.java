package io.handshakematrix.model;

/** Reads the parts of an OpenSSL error line: {@code error:CODE:LIB:FUNC:REASON:FILE:LINE:}. */
public final class OpensslErrorLine {
    private OpensslErrorLine() {}

    /** The reason field ("dh key too small"); the whole line when it is not in OpenSSL's format. */
    public static String reason(String line) {
        if (!line.startsWith("error:")) {
            return line;
        }
        String[] f = line.split(":", -1);
        return f.length > 4 ? f[4] : line;
    }
}
