package io.handshakematrix.engine;

import java.util.List;

/**
 * What one side of a handshake saw, in engine-neutral terms; the runner's classifier turns a
 * sender report and a receiver report into a cell outcome. {@code gaveUp} is true when this side
 * itself decided to abort (a failed check, no shared cipher), false when it only reacted to its peer.
 * {@code tempKey}: the ephemeral key as OpenSSL prints "Server Temp Key" ("ECDH, P-256, 256 bits",
 * "DH, 1024 bits"), null when none was exchanged or the engine does not know it.
 */
public record SideReport(
        boolean completed,
        String protocol,
        String cipher,
        Integer dhBits,
        boolean gaveUp,
        Integer alertSent,
        Integer alertReceived,
        String lastReceived,
        List<String> errors,
        List<String> transcript,
        boolean peerClosed,
        boolean timedOut,
        String harnessError,
        long gaveUpAtNanos,
        String tempKey) {

    /** A report without a temp key (engines that do not see the key exchange). */
    public SideReport(boolean completed, String protocol, String cipher, Integer dhBits, boolean gaveUp,
                      Integer alertSent, Integer alertReceived, String lastReceived, List<String> errors,
                      List<String> transcript, boolean peerClosed, boolean timedOut, String harnessError,
                      long gaveUpAtNanos) {
        this(completed, protocol, cipher, dhBits, gaveUp, alertSent, alertReceived, lastReceived, errors, transcript,
                peerClosed, timedOut, harnessError, gaveUpAtNanos, null);
    }
}
