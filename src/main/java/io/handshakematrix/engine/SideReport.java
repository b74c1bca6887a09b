package io.handshakematrix.engine;

import io.handshakematrix.model.SideTrace;
import io.handshakematrix.model.WireEvent;
import java.util.List;

/**
 * What one side of a handshake saw, in engine-neutral terms; the runner's classifier turns a
 * sender report and a receiver report into a cell outcome. {@code gaveUp} is true when this side
 * itself decided to abort (a failed check, no shared cipher), false when it only reacted to its peer.
 * {@code tempKey}: the ephemeral key as OpenSSL prints "Server Temp Key" ("ECDH, P-256, 256 bits",
 * "DH, 1024 bits"), null when none was exchanged or the engine does not know it. {@code rule}: the id of the
 * profile rule that made this side give up (null for none, and for real stacks); {@code events}: this side's
 * connection as timed events read off the wire (empty where the engine has no timed view of it).
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
        String tempKey,
        String rule,
        List<WireEvent> events) {

    public SideReport {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** A report without a fired rule or timed events. */
    public SideReport(boolean completed, String protocol, String cipher, Integer dhBits, boolean gaveUp,
                      Integer alertSent, Integer alertReceived, String lastReceived, List<String> errors,
                      List<String> transcript, boolean peerClosed, boolean timedOut, String harnessError,
                      long gaveUpAtNanos, String tempKey) {
        this(completed, protocol, cipher, dhBits, gaveUp, alertSent, alertReceived, lastReceived, errors, transcript,
                peerClosed, timedOut, harnessError, gaveUpAtNanos, tempKey, null, List.of());
    }

    /** A report without a temp key (engines that do not see the key exchange). */
    public SideReport(boolean completed, String protocol, String cipher, Integer dhBits, boolean gaveUp,
                      Integer alertSent, Integer alertReceived, String lastReceived, List<String> errors,
                      List<String> transcript, boolean peerClosed, boolean timedOut, String harnessError,
                      long gaveUpAtNanos) {
        this(completed, protocol, cipher, dhBits, gaveUp, alertSent, alertReceived, lastReceived, errors, transcript,
                peerClosed, timedOut, harnessError, gaveUpAtNanos, null);
    }

    /** This report with the id of the profile rule that fired on this side (null: none). */
    public SideReport withRule(String id) {
        return new SideReport(completed, protocol, cipher, dhBits, gaveUp, alertSent, alertReceived, lastReceived,
                errors, transcript, peerClosed, timedOut, harnessError, gaveUpAtNanos, tempKey, id, events);
    }

    /** This report with its connection's timed events. */
    public SideReport withEvents(List<WireEvent> wire) {
        return new SideReport(completed, protocol, cipher, dhBits, gaveUp, alertSent, alertReceived, lastReceived,
                errors, transcript, peerClosed, timedOut, harnessError, gaveUpAtNanos, tempKey, rule, wire);
    }

    /** The rule and events, as a cell's result keeps them. */
    public SideTrace trace() {
        return new SideTrace(rule, events);
    }
}
