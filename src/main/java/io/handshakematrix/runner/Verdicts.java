package io.handshakematrix.runner;

import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.SideReports;
import io.handshakematrix.model.Alert;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.TlsAlerts;
import io.handshakematrix.model.CipherSuites;
import java.util.List;
import java.util.Optional;

/**
 * Turns what each side saw into one outcome. Engine-neutral: every engine reports sides the same way.
 * Harness problems are {@code error}, never blamed on a stack.
 */
public final class Verdicts {
    private Verdicts() {}

    /**
     * The cell's outcome from its two sides, with each side's fired rule and wire events carried into the result
     * (reported, never judged: the verdict rests on the sides' reports alone).
     */
    public static HandshakeResult classify(SideReport sender, SideReport receiver, long durationMs) {
        HandshakeResult r = judge(sender, receiver, durationMs);
        return r.outcome() == Outcome.SKIPPED ? r : r.withTraces(sender.trace(), receiver.trace());
    }

    private static HandshakeResult judge(SideReport sender, SideReport receiver, long durationMs) {
        Optional<String> cannot = SideReports.unsupportedReason(sender)
                .or(() -> SideReports.unsupportedReason(receiver));
        if (cannot.isPresent()) {
            return HandshakeResult.skipped(cannot.get());
        }
        if (sender.harnessError() != null || receiver.harnessError() != null) {
            String why = sender.harnessError() != null ? "sender: " + sender.harnessError()
                    : "receiver: " + receiver.harnessError();
            return new HandshakeResult(Outcome.ERROR, null, null, null, null, null, null, sender.errors(),
                    receiver.errors(), sender.transcript(), why, durationMs);
        }
        if (sender.completed() && receiver.completed() && !sender.gaveUp() && !receiver.gaveUp()) {
            Optional<String> disagree = disagreement(sender, receiver);
            if (disagree.isPresent()) {
                return new HandshakeResult(Outcome.ERROR, null, null, null, null, null, null, sender.errors(),
                        receiver.errors(), sender.transcript(), disagree.get(), durationMs);
            }
            return new HandshakeResult(Outcome.OK, sender.protocol(), sender.cipher(), sender.dhBits(), null, null,
                    null, sender.errors(), receiver.errors(), sender.transcript(), null, durationMs)
                    .withTempKey(sender.tempKey()); // names the ECDHE group, which DH bits cannot
        }
        Side failed = failedSide(sender, receiver);
        if (failed == null) {
            if (sender.timedOut() || receiver.timedOut()) {
                String who = sender.timedOut() ? "sender" : "receiver";
                return new HandshakeResult(Outcome.TIMEOUT, null, null, null, null, null, null, sender.errors(),
                        receiver.errors(), sender.transcript(), who + " waited past the timeout", durationMs);
            }
            return new HandshakeResult(Outcome.ERROR, null, null, null, null, null, null, sender.errors(),
                    receiver.errors(), sender.transcript(), unexplainedEnd(sender, receiver), durationMs);
        }
        SideReport f = failed == Side.SENDER ? sender : receiver;
        SideReport other = failed == Side.SENDER ? receiver : sender;
        if (f.alertSent() != null && other.alertReceived() != null && !f.alertSent().equals(other.alertReceived())) {
            // both sides were heard, and they tell different stories: the harness, not a stack verdict
            return new HandshakeResult(Outcome.ERROR, null, null, null, null, null, null, sender.errors(),
                    receiver.errors(), sender.transcript(), "the sides disagree: the " + failed.label() + " sent alert "
                    + f.alertSent() + ", the " + failed.peer().label() + " received alert " + other.alertReceived(),
                    durationMs);
        }
        Alert alert = null;
        if (f.alertSent() != null) {
            alert = new Alert(f.alertSent(), TlsAlerts.name(f.alertSent()), failed);
        } else if (other.alertSent() != null) {
            alert = new Alert(other.alertSent(), TlsAlerts.name(other.alertSent()), failed.peer());
        }
        return new HandshakeResult(Outcome.FAIL, null, null, sender.dhBits(), failed, f.lastReceived(), alert,
                sender.errors(), receiver.errors(), sender.transcript(), null, durationMs);
    }

    /**
     * Both sides completed: they must agree on the protocol and on the suite (compared where both name one of the
     * suites the harness knows by its OpenSSL name), or one side's report is wrong.
     */
    private static Optional<String> disagreement(SideReport s, SideReport r) {
        if (s.protocol() != null && r.protocol() != null && !s.protocol().equals(r.protocol())) {
            return Optional.of("the sides disagree on the protocol: sender " + s.protocol() + ", receiver " + r.protocol());
        }
        if (s.cipher() != null && r.cipher() != null && CipherSuites.known(s.cipher()) && CipherSuites.known(r.cipher())
                && !s.cipher().equals(r.cipher())) {
            return Optional.of("the sides disagree on the suite: sender " + s.cipher() + ", receiver " + r.cipher());
        }
        return Optional.empty();
    }

    /**
     * One side's handshake judged by the same rules as a cell (serve and connect, where the peer is not ours): the
     * peer's report is what this side saw of it on the wire.
     */
    public static HandshakeResult oneSide(SideReport mine, Side role) {
        SideReport peer = peerSeenBy(mine);
        return role == Side.SENDER ? classify(mine, peer, 0) : classify(peer, mine, 0);
    }

    /** The peer as one side saw it: its alert is the one received; it gave up if it alerted or left first. */
    static SideReport peerSeenBy(SideReport m) {
        boolean peerGaveUp = !m.completed() && !m.gaveUp() && (m.alertReceived() != null || m.peerClosed());
        return new SideReport(m.completed(), m.protocol(), m.cipher(), m.dhBits(), peerGaveUp, m.alertReceived(),
                m.alertSent(), null, List.of(), List.of(), false, false, null, peerGaveUp ? 0L : Long.MAX_VALUE);
    }

    /**
     * Neither stack gave up, yet the handshake did not complete: a peer vanished (crashed, killed, a
     * broken engine). That is the environment, not a verdict about the stacks, so it is said in words.
     */
    private static String unexplainedEnd(SideReport s, SideReport r) {
        if (s.peerClosed()) {
            return "the receiver closed the connection " + after(s.lastReceived(), "ServerHello")
                    + " with no alert and no failure of its own: not a stack verdict";
        }
        if (r.peerClosed()) {
            return "the sender closed the connection " + after(r.lastReceived(), "ClientHello")
                    + " with no alert and no failure of its own: not a stack verdict";
        }
        return "handshake ended but neither side reported a failure";
    }

    private static String after(String lastReceived, String firstExpected) {
        return lastReceived == null ? "before its " + firstExpected : "after " + lastReceived;
    }

    /** The side that gave up on its own; the earlier one if both did. */
    private static Side failedSide(SideReport s, SideReport r) {
        if (s.gaveUp() && r.gaveUp()) {
            return s.gaveUpAtNanos() <= r.gaveUpAtNanos() ? Side.SENDER : Side.RECEIVER;
        }
        if (s.gaveUp()) return Side.SENDER;
        if (r.gaveUp()) return Side.RECEIVER;
        return null;
    }

}
