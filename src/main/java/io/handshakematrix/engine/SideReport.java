package io.handshakematrix.engine;

import java.util.List;

/**
 * What one side of a handshake saw, in engine-neutral terms; the runner's classifier turns a
 * sender report and a receiver report into a cell outcome. {@code gaveUp} is true when this side
 * itself decided to abort (a failed check, no shared cipher), false when it only reacted to its peer.
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
        long gaveUpAtNanos) {
}
