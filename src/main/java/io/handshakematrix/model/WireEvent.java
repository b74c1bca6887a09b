package io.handshakematrix.model;

import java.util.Locale;

/**
 * One thing a side saw pass on its connection, read off the bytes: a handshake message, a ChangeCipherSpec, an
 * alert, application data, or the end of a direction. {@code ms}: milliseconds after that side's first event;
 * {@code sent}: this side wrote it (else it read it). Timings vary from run to run; the verdict never rests on them.
 */
public record WireEvent(double ms, boolean sent, String what) {
    /** The end of one direction (FIN or reset), as the transcript-less reader words it. */
    public static final String CLOSED = "closed";

    /** {@code "   12.3 ms >>> ClientHello"}: one line of a timed transcript. */
    public String text() {
        return String.format(Locale.ROOT, "%7.1f ms %s %s", ms, sent ? ">>>" : "<<<", what);
    }
}
