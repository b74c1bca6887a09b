package io.handshakematrix.engine;

import io.handshakematrix.model.SideTrace;
import io.handshakematrix.model.WireEvent;
import java.util.List;

/**
 * What one side of a handshake saw, in engine-neutral terms: how it ended ({@link SideEnd}, the only thing the
 * runner's verdict is made of, with its wire facts) plus what it saw on the wire. {@code alertSent} and
 * {@code alertReceived}: the first fatal alert each way, null for none; {@code lastReceived}: the last handshake
 * message this side received, null before the first; {@code peerClosed}: its peer closed the connection without an
 * alert; {@code events}: this side's connection as timed events read off the wire (empty where the engine has no
 * timed view of it).
 */
public record SideReport(
        SideEnd end,
        Integer dhBits,
        Integer alertSent,
        Integer alertReceived,
        String lastReceived,
        List<String> errors,
        List<String> transcript,
        boolean peerClosed,
        List<WireEvent> events) {

    public SideReport {
        errors = errors == null ? List.of() : List.copyOf(errors);
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A side that ended before any wire fact: it could not take the setting, or the harness broke. */
    public static SideReport ended(SideEnd end) {
        return new SideReport(end, null, null, null, null, List.of(), List.of(), false, List.of());
    }

    /** This report with its connection's timed events. */
    public SideReport withEvents(List<WireEvent> wire) {
        return new SideReport(end, dhBits, alertSent, alertReceived, lastReceived, errors, transcript, peerClosed, wire);
    }

    public boolean completed() { return end instanceof SideEnd.Completed; }

    public boolean gaveUp() { return end instanceof SideEnd.GaveUp; }

    public boolean timedOut() { return end instanceof SideEnd.NoAnswer; }

    /** The negotiated protocol of a completed side; null otherwise. */
    public String protocol() { return end instanceof SideEnd.Completed c ? c.protocol() : null; }

    public String cipher() { return end instanceof SideEnd.Completed c ? c.cipher() : null; }

    public String tempKey() { return end instanceof SideEnd.Completed c ? c.tempKey() : null; }

    /** The profile rule this side gave up on; null when it did not give up or no rule names its reason. */
    public String rule() { return end instanceof SideEnd.GaveUp g ? g.rule() : null; }

    /** Why the harness broke on this side; null when it did not. */
    public String harnessError() { return end instanceof SideEnd.HarnessFault h ? h.reason() : null; }

    /** The rule and events, as a cell's result keeps them. */
    public SideTrace trace() {
        return new SideTrace(rule(), events);
    }
}
