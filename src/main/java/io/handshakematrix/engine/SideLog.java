package io.handshakematrix.engine;

import java.util.ArrayList;
import java.util.List;

/** The mutable record one side keeps during a handshake; frozen into a {@link SideReport}. */
public final class SideLog {
    private final List<String> errors = new ArrayList<>();
    private boolean completed;
    private String protocol;
    private String cipher;
    private Integer dhBits;
    private String tempKey;
    private boolean gaveUp;
    private long gaveUpAt;
    private Integer alertSent;
    private Integer alertReceived;
    private String lastReceived;
    private boolean peerClosed;
    private boolean timedOut;
    private String harnessError;
    private String unsupported;
    private volatile boolean muteAlerts;
    private String rule;

    /**
     * This side decided to abort because the profile rule {@code ruleId} fired (a check's or rule's id, as the
     * profile names it); its error lines are printed exactly as the stack does.
     */
    public synchronized void gaveUp(String ruleId, List<String> lines) {
        if (!gaveUp) {
            rule = ruleId;
        }
        gaveUp(lines);
    }

    /** This side decided to abort for a reason no profile rule names; its error lines, as the stack prints them. */
    public synchronized void gaveUp(List<String> lines) {
        if (!gaveUp) {
            gaveUp = true;
            gaveUpAt = System.nanoTime();
        }
        errors.addAll(lines);
    }

    public synchronized void error(List<String> lines) { errors.addAll(lines); }

    public synchronized boolean hasGivenUp() { return gaveUp; }

    public synchronized void completed(String protocol, String cipher) {
        this.completed = true;
        this.protocol = protocol;
        this.cipher = cipher;
    }

    public synchronized void dhBits(int bits) { this.dhBits = bits; }

    /** "ECDH, P-256, 256 bits" or "DH, 1024 bits", as OpenSSL prints "Server Temp Key". */
    public synchronized void tempKey(String key) { this.tempKey = key; }

    public synchronized void alertSent(int code) {
        if (alertSent == null) {
            alertSent = code;
        }
    }

    public synchronized void alertReceived(int code) {
        if (alertReceived == null) {
            alertReceived = code;
        }
    }

    public synchronized void lastReceived(String message) { this.lastReceived = message; }

    /** The last handshake message received, null before the first. */
    public synchronized String lastReceivedMessage() { return lastReceived; }

    public synchronized void peerClosed() { this.peerClosed = true; }

    public synchronized boolean isPeerClosed() { return peerClosed; }

    public synchronized boolean isCompleted() { return completed; }

    public synchronized void timedOut() { this.timedOut = true; }

    public synchronized void harnessError(String e) {
        if (harnessError == null) {
            harnessError = e;
        }
    }

    /** This side's stack cannot take a setting the cell asks for (the shim's reserved answer): the cell is skipped. */
    public synchronized void unsupported(String reason) {
        if (unsupported == null) {
            unsupported = reason;
        }
    }

    /** The stack closes without an alert (e.g. RHEL 6.10 on an invalid Ys): alerts must not reach the wire. */
    public void muteAlerts() { muteAlerts = true; }

    public boolean alertsMuted() { return muteAlerts; }

    public synchronized SideReport freeze(List<String> transcript) {
        return freeze(transcript, List.of());
    }

    /** The report, with this side's connection as timed events ({@code RecordTranscript.events()}). */
    public synchronized SideReport freeze(List<String> transcript, List<io.handshakematrix.model.WireEvent> events) {
        return new SideReport(end(), dhBits, alertSent, alertReceived, lastReceived, List.copyOf(errors), transcript,
                peerClosed, events);
    }

    /**
     * How this side ended, first match wins: a setting it cannot take, a harness fault, its own abort (even after its
     * handshake completed), completion, a wait past the timeout, else it stopped in reaction to its peer.
     */
    private SideEnd end() {
        if (unsupported != null) return new SideEnd.Unsupported(unsupported);
        if (harnessError != null) return new SideEnd.HarnessFault(harnessError);
        if (gaveUp) return new SideEnd.GaveUp(rule, gaveUpAt);
        if (completed) return new SideEnd.Completed(protocol, cipher, tempKey);
        if (timedOut) return new SideEnd.NoAnswer();
        return new SideEnd.Stopped();
    }
}
