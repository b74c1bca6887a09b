package io.handshakematrix.engine.container;

import io.handshakematrix.engine.SideReport;
import java.util.List;
import java.util.OptionalLong;

/**
 * Builds the {@link SideReport} of a real stack from the wire (alerts, closes, completion) and its tool's
 * error lines. A side gave up when it was first to send an alert, or first to close before the handshake
 * completed while its peer had sent none (RHEL 6.10's "invalid public key", 7.7's "DH lib").
 */
final class RealSideReport {
    private RealSideReport() {}

    static SideReport of(boolean client, WireFacts wire, List<String> errors, List<String> transcript,
                         boolean timedOut, String harnessError) {
        WireFacts.Direction mine = wire.from(client);
        WireFacts.Direction theirs = wire.from(!client);
        boolean completed = wire.handshakeCompleted();
        long myEnd = first(mine.alertAt(), mine.closedAt());
        long theirEnd = first(theirs.alertAt(), theirs.closedAt());
        boolean gaveUp = !completed && myEnd != Long.MAX_VALUE
                && (mine.alert() != null ? theirs.alert() == null || mine.alertAt().getAsLong() <= theirs.alertAt().getAsLong()
                                         : myEnd <= theirEnd && theirs.alert() == null);
        boolean peerClosed = theirs.alert() == null && theirs.closedAt().isPresent() && theirEnd < myEnd;
        return new SideReport(completed, completed ? wire.protocol() : null, completed ? wire.cipher() : null,
                wire.dhBits(), gaveUp, mine.alert(), theirs.alert(), theirs.lastHandshake(), List.copyOf(errors),
                transcript, peerClosed, timedOut && !completed, harnessError, gaveUp ? myEnd : 0L);
    }

    private static long first(OptionalLong a, OptionalLong b) {
        return Math.min(a.orElse(Long.MAX_VALUE), b.orElse(Long.MAX_VALUE));
    }
}
