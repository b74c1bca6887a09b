package io.handshakematrix.engine.container;

import io.handshakematrix.engine.SideEnd;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.wire.WireFacts;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ErrorMap;
import io.handshakematrix.profile.StackProfile;
import java.util.List;
import java.util.OptionalLong;

/**
 * The {@link SideReport} of a stack behind a shim: completion, alerts, closes and DH bits from the wire (the
 * relay), the error lines from the shim's answer, in the stack's own words. A side gave up when it was first to
 * end its part before the handshake completed, with an alert or a close (RHEL 6.10's "invalid public key" and
 * 7.7's "DH lib" close without one), whatever its peer did after. An answer that is not one JSON line makes this side a harness error
 * (the cell is {@code error}, never {@code fail}); the reserved {@code unsupported} answer makes it a skip.
 */
final class ShimSideReports {
    private ShimSideReports() {}

    /**
     * A real stack's side: its error lines are read back into the rule that prints them by its profile's
     * {@link ErrorMap} (the stack names none itself).
     */
    static SideReport of(boolean client, ContainerProcess p, TcpRelay relay, boolean timedOut, StackProfile profile) {
        String harness = p.failure() != null ? "docker exec: " + p.failure()
                : relay.connected() ? null : relay.failure();
        List<String> errors = List.of();
        if (!timedOut) {
            try {
                ShimAnswer a = ShimAnswer.last(p.stdout());
                if (a.is(ShimAnswer.UNSUPPORTED)) {
                    return SideReport.ended(new SideEnd.Unsupported(a.reason()));
                }
                if (a.is(ShimAnswer.ERROR)) {
                    harness = harness != null ? harness : "the shim failed: " + a.reason();
                }
                errors = a.errors();
            } catch (ShimAnswer.NotAnAnswer e) {
                harness = e.getMessage();
            }
        }
        String rule = ErrorMap.of(profile).rule(client ? Side.SENDER : Side.RECEIVER, errors).orElse(null);
        return of(client, relay, errors, timedOut, harness, rule);
    }

    /**
     * The side's report from its relay: wire facts, transcript and timed events; the error lines from its shim;
     * {@code rule}: the profile rule its stack names when it gives up (null: a real stack, which names none).
     */
    static SideReport of(boolean client, TcpRelay relay, List<String> errors, boolean timedOut, String harnessError,
                         String rule) {
        return of(client, relay.facts(), errors, relay.transcript().lines(), timedOut, harnessError, rule)
                .withEvents(relay.transcript().events());
    }

    private static SideReport of(boolean client, WireFacts wire, List<String> errors, List<String> transcript,
                                 boolean timedOut, String harnessError, String rule) {
        WireFacts.Direction mine = wire.from(client);
        WireFacts.Direction theirs = wire.from(!client);
        boolean completed = wire.handshakeCompleted();
        long myEnd = first(mine.alertAt(), mine.closedAt());
        long theirEnd = first(theirs.alertAt(), theirs.closedAt());
        // Whichever side ended first (its alert or its close) gave up; what the other did after is a reaction. A
        // side that closes on its own failure may well be answered by an alert (OpenSSL 3.0's decode_error after an
        // unexpected EOF): that alert comes second and is not a refusal.
        boolean gaveUp = !completed && myEnd != Long.MAX_VALUE && myEnd <= theirEnd;
        boolean peerClosed = theirs.alert() == null && theirs.closedAt().isPresent() && theirEnd < myEnd;
        SideEnd end = harnessError != null ? new SideEnd.HarnessFault(harnessError)
                : gaveUp ? new SideEnd.GaveUp(rule, myEnd)
                : completed ? new SideEnd.Completed(wire.protocol(), wire.cipher(), null)
                : timedOut ? new SideEnd.NoAnswer()
                : new SideEnd.Stopped();
        return new SideReport(end, wire.dhBits(), mine.alert(), theirs.alert(), theirs.lastHandshake(), errors,
                transcript, peerClosed, List.of());
    }

    private static long first(OptionalLong a, OptionalLong b) {
        return Math.min(a.orElse(Long.MAX_VALUE), b.orElse(Long.MAX_VALUE));
    }
}
