package io.handshakematrix.runner;

import io.handshakematrix.engine.SideEnd;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.model.Alert;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.TlsAlerts;
import java.util.List;
import java.util.Optional;

/**
 * The one place a cell's outcome is decided (after OpenSSL ssl_test.c's single check over a closed result enum):
 * from the two sides' {@link SideEnd}s, or, where a cell never got two reports, from why not (a side that cannot
 * take the setting, a harness fault, no answer, a matrix entry that disables it, a run cut short). Engine-neutral:
 * every engine reports its side the same way. Harness problems are {@code error}, never blamed on a stack.
 */
public final class Verdicts {
    private Verdicts() {}

    /**
     * The cell's outcome from its two sides, with each side's fired rule and wire events carried into the result
     * (reported, never judged: the verdict rests on the sides' ends alone).
     */
    public static HandshakeResult classify(SideReport sender, SideReport receiver, long durationMs) {
        Optional<String> cannot = unsupported(sender.end()).or(() -> unsupported(receiver.end()));
        if (cannot.isPresent()) {
            return unsupported(cannot.get());
        }
        HandshakeResult.Builder b = judge(sender, receiver)
                .errors(sender.errors(), receiver.errors())
                .traces(sender.trace(), receiver.trace())
                .transcript(sender.transcript())
                .durationMs(durationMs);
        return b.build();
    }

    private static HandshakeResult.Builder judge(SideReport sender, SideReport receiver) {
        if (sender.end() instanceof SideEnd.HarnessFault h) {
            return error("sender: " + h.reason());
        }
        if (receiver.end() instanceof SideEnd.HarnessFault h) {
            return error("receiver: " + h.reason());
        }
        if (sender.end() instanceof SideEnd.Completed s && receiver.end() instanceof SideEnd.Completed r) {
            Optional<String> disagree = disagreement(s, r);
            if (disagree.isPresent()) {
                return error(disagree.get());
            }
            // the temp key names the ECDHE group, which the DH bits cannot
            return HandshakeResult.builder(Outcome.OK).negotiated(s.protocol(), s.cipher(), s.tempKey())
                    .dhBits(sender.dhBits());
        }
        Side failed = failedSide(sender, receiver);
        if (failed == null) {
            if (sender.end() instanceof SideEnd.NoAnswer || receiver.end() instanceof SideEnd.NoAnswer) {
                String who = sender.end() instanceof SideEnd.NoAnswer ? "sender" : "receiver";
                return HandshakeResult.builder(Outcome.TIMEOUT).detail(who + " waited past the timeout");
            }
            return error(unexplainedEnd(sender, receiver));
        }
        SideReport f = failed == Side.SENDER ? sender : receiver;
        SideReport other = failed == Side.SENDER ? receiver : sender;
        if (f.alertSent() != null && other.alertReceived() != null && !f.alertSent().equals(other.alertReceived())) {
            // both sides were heard, and they tell different stories: the harness, not a stack verdict
            return error("the sides disagree: the " + failed.label() + " sent alert " + f.alertSent() + ", the "
                    + failed.peer().label() + " received alert " + other.alertReceived());
        }
        Alert alert = null;
        if (f.alertSent() != null) {
            alert = new Alert(f.alertSent(), TlsAlerts.name(f.alertSent()), failed);
        } else if (other.alertSent() != null) {
            alert = new Alert(other.alertSent(), TlsAlerts.name(other.alertSent()), failed.peer());
        }
        return HandshakeResult.builder(Outcome.FAIL).failure(failed, f.lastReceived(), alert).dhBits(sender.dhBits());
    }

    /** A side that cannot take the cell's setting: the cell is skipped with the reason. */
    private static HandshakeResult unsupported(String reason) {
        return HandshakeResult.builder(Outcome.SKIPPED).detail(reason).build();
    }

    /** A cell switched off by the matrix's {@code disabled:} entry, with its reason: no handshake judges it. */
    public static HandshakeResult disabled(String reason) {
        return unsupported(reason);
    }

    /** The harness or its environment broke before the sides could report: never a verdict about the stacks. */
    public static HandshakeResult harnessFault(String why, long durationMs) {
        return error(why).durationMs(durationMs).build();
    }

    /**
     * A side's stack gave no answer at all within its deadline ({@code what}: which side, which wait); the
     * sender's report, if it gave one before the receiver hung, keeps its lines (null: none).
     */
    public static HandshakeResult noAnswer(String what, SideReport sender, long durationMs) {
        return HandshakeResult.builder(Outcome.TIMEOUT).detail(what).durationMs(durationMs)
                .errors(sender == null ? List.of() : sender.errors(), List.of())
                .transcript(sender == null ? List.of() : sender.transcript()).build();
    }

    /** A cell the run never started (its run timeout passed first): no verdict, and no finding. */
    public static HandshakeResult notRun(String why) {
        return HandshakeResult.builder(Outcome.NOT_RUN).detail(why).build();
    }

    private static HandshakeResult.Builder error(String why) {
        return HandshakeResult.builder(Outcome.ERROR).detail(why);
    }

    private static Optional<String> unsupported(SideEnd end) {
        return end instanceof SideEnd.Unsupported u ? Optional.of(u.reason()) : Optional.empty();
    }

    /**
     * Both sides completed: they must agree on the protocol and on the suite (compared where both name one of the
     * suites the harness knows by its OpenSSL name), or one side's report is wrong.
     */
    private static Optional<String> disagreement(SideEnd.Completed s, SideEnd.Completed r) {
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
        SideEnd end;
        if (m.end() instanceof SideEnd.Completed c) {
            end = new SideEnd.Completed(c.protocol(), c.cipher(), null);
        } else if (!m.gaveUp() && (m.alertReceived() != null || m.peerClosed())) {
            end = new SideEnd.GaveUp(null, 0L);
        } else {
            end = new SideEnd.Stopped();
        }
        return new SideReport(end, m.dhBits(), m.alertReceived(), m.alertSent(), null, List.of(), List.of(), false,
                List.of());
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
        if (s.end() instanceof SideEnd.GaveUp gs && r.end() instanceof SideEnd.GaveUp gr) {
            return gs.atNanos() <= gr.atNanos() ? Side.SENDER : Side.RECEIVER;
        }
        if (s.gaveUp()) return Side.SENDER;
        if (r.gaveUp()) return Side.RECEIVER;
        return null;
    }
}
