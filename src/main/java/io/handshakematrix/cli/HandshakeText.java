package io.handshakematrix.cli;

import io.handshakematrix.diagnose.Explanation;
import io.handshakematrix.diagnose.FixAttempt;
import io.handshakematrix.diagnose.Resolution;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.TlsAlerts;
import java.io.PrintStream;
import java.util.List;

/** Prints handshakes the way `openssl s_client -msg` users read them, and diagnoses as short paragraphs. */
final class HandshakeText {
    private HandshakeText() {}

    static void transcript(PrintStream out, List<String> lines) {
        lines.forEach(out::println);
        out.println("---");
    }

    /** s_client's summary lines for a completed handshake. */
    static void negotiated(PrintStream out, String protocol, String cipher, Integer dhBits) {
        out.println("Protocol  : " + protocol);
        out.println("Cipher    : " + cipher);
        if (dhBits != null) {
            out.println("Server Temp Key: DH, " + dhBits + " bits");
        }
    }

    /** As {@link #negotiated(PrintStream, String, String, Integer)}, with the side's own temp key when it has one. */
    static void negotiated(PrintStream out, SideReport r) {
        if (r.tempKey() == null) {
            negotiated(out, r.protocol(), r.cipher(), r.dhBits());
            return;
        }
        out.println("Protocol  : " + r.protocol());
        out.println("Cipher    : " + r.cipher());
        out.println("Server Temp Key: " + r.tempKey());
    }

    /** Both sides' view of a handshake between two stacks. */
    static void result(PrintStream out, HandshakeResult r) {
        switch (r.outcome()) {
            case OK -> negotiated(out, r.protocol(), r.cipher(), r.dhBits());
            case FAIL -> {
                out.println("Handshake failed: the " + r.failedSide().label() + " gave up"
                        + (r.stoppedAfter() != null ? " after " + r.stoppedAfter() : "")
                        + (r.alert() == null ? ", no alert" : ", alert " + r.alert().name() + " (" + r.alert().code()
                        + ") sent by the " + r.alert().sentBy().label()));
                if (r.dhBits() != null) {
                    out.println("Server Temp Key: DH, " + r.dhBits() + " bits");
                }
                errors(out, "sender errors", r.senderErrors());
                errors(out, "receiver errors", r.receiverErrors());
            }
            default -> out.println(r.summary());
        }
    }

    /** One side's view (connect, serve): what it did and why it stopped. */
    static String sideVerdict(SideReport s, String peer) {
        if (s.harnessError() != null) {
            return "error: " + s.harnessError();
        }
        if (s.completed() && !s.gaveUp()) {
            return "ok " + s.protocol() + " " + s.cipher() + (s.tempKey() != null && s.dhBits() == null ? " " + s.tempKey()
                    : s.dhBits() != null ? " DH " + s.dhBits() : "");
        }
        String after = s.lastReceived() != null ? " after " + s.lastReceived() : "";
        if (s.gaveUp()) {
            return "fail: refused" + after + (s.alertSent() != null ? ", sent alert " + alert(s.alertSent()) : ", no alert")
                    + ": " + (s.errors().isEmpty() ? "?" : s.errors().get(0));
        }
        if (s.alertReceived() != null) {
            return "fail: the " + peer + " refused" + after + " with alert " + alert(s.alertReceived());
        }
        if (s.timedOut()) {
            return "timeout" + after;
        }
        if (s.peerClosed()) {
            return "fail: the " + peer + " closed the connection without an alert" + after;
        }
        return "fail: handshake did not complete" + after;
    }

    static String alert(int code) {
        return TlsAlerts.name(code) + " (" + code + ")";
    }

    static void errors(PrintStream out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.println(title + ":");
            lines.forEach(l -> out.println("  " + l));
        }
    }

    static void diagnosis(PrintStream out, Explanation e, Resolution r) {
        out.println("Why: " + e.sentence());
        if (e.ruleSource() != null) {
            out.println("  rule source:    " + e.ruleSource());
        }
        if (e.profileFile() != null) {
            out.println("  profile:        " + e.profileFile() + " (" + e.profileSource() + ")");
        }
        if (r.attempts().isEmpty()) {
            return;
        }
        out.println("Fixes, each verified by a real handshake of the changed cell:");
        for (FixAttempt a : r.attempts()) {
            out.println("  " + (a.works() ? "[ok]   " : "[fail] ") + a.line());
        }
        out.println(r.first().map(f -> "Smallest change: set " + f.change() + " (" + f.where() + ")")
                .orElse("No one-line change tried here makes it pass."));
    }
}
