package io.handshakematrix.cli;

import io.handshakematrix.diagnose.Explanation;
import io.handshakematrix.diagnose.FixAttempt;
import io.handshakematrix.diagnose.Resolution;
import io.handshakematrix.engine.SideEnd;
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
            case OK -> {
                negotiated(out, r.protocol(), r.cipher(), r.dhBits());
                if (r.dhBits() == null && r.tempKey() != null) { // TLS 1.3's key_share group, ECDHE's curve
                    out.println("Server Temp Key: " + r.tempKey());
                }
            }
            case FAIL -> {
                out.println("Handshake failed: the " + r.failedSide().label() + " gave up"
                        + (r.stoppedAfter() != null ? " after " + r.stoppedAfter() : "")
                        + (r.alert() == null ? ", no alert" : ", alert " + r.alert().name() + " (" + r.alert().code()
                        + ") sent by the " + r.alert().sentBy().label()));
                if (r.dhBits() != null) {
                    out.println("Server Temp Key: DH, " + r.dhBits() + " bits");
                }
                io.handshakematrix.model.SideTrace failed = r.failedSide() == io.handshakematrix.model.Side.SENDER
                        ? r.senderTrace() : r.receiverTrace();
                if (failed.rule() != null) { // the profile's own name for what refused: matrix.yaml's `check:`
                    out.println("Rule that fired: " + failed.rule() + " (the " + r.failedSide().label() + "'s profile)");
                }
                failed.events().stream().filter(e -> e.sent()).reduce((a, b) -> b).ifPresent(e -> out.println(
                        "The " + r.failedSide().label() + "'s last write, " + e.ms() + " ms into its connection: " + e.what()));
                errors(out, "sender errors", r.senderErrors());
                errors(out, "receiver errors", r.receiverErrors());
            }
            default -> out.println(r.summary());
        }
    }

    /** One side's view (connect, serve): what it did and why it stopped. */
    static String sideVerdict(SideReport s, String peer) {
        if (s.end() instanceof SideEnd.Unsupported u) {
            return "skipped: cannot take this setting: " + u.reason();
        }
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
            List<String> flight = lastFlightSent(s.transcript());
            String what = flight.isEmpty() ? after : " our " + String.join(", ", flight)
                    + (s.lastReceived() != null ? " (sent after its " + s.lastReceived() + ")" : "");
            return "fail: the " + peer + " refused" + what + " with alert " + alert(s.alertReceived());
        }
        if (s.timedOut()) {
            return "timeout" + after;
        }
        if (s.peerClosed()) {
            return "fail: the " + peer + " closed the connection without an alert" + after;
        }
        return "fail: handshake did not complete" + after;
    }

    /**
     * The handshake messages this side sent after the last one it received, read off its wire transcript
     * ({@code >>> TLS 1.2 Handshake [length 0130], ServerKeyExchange}): what the peer's alert answered.
     */
    static List<String> lastFlightSent(List<String> transcript) {
        List<String> flight = new java.util.ArrayList<>();
        for (String line : transcript) {
            if (line.startsWith("<<<") && line.contains(" Handshake ")) {
                flight.clear();
            } else if (line.startsWith(">>>") && line.contains(" Handshake ")) {
                flight.add(line.substring(line.lastIndexOf(", ") + 2).strip());
            }
        }
        return flight;
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

    /** Why the cell failed and its fixes, found and ranked by {@code finder} (which runs the handshakes). */
    static void diagnosis(PrintStream out, Explanation e, io.handshakematrix.diagnose.FixFinder finder,
                          io.handshakematrix.config.ProductProfile product, io.handshakematrix.model.Cell cell,
                          HandshakeResult r, io.handshakematrix.config.ConfigSsl config) {
        io.handshakematrix.diagnose.Resolution res = finder.resolve(cell, r, config);
        diagnosis(out, e, res, finder.currentPeers(), product.support().rsaAdvice());
        res.first().ifPresent(f -> io.handshakematrix.diagnose.FixFile.explain(f.change(), product,
                io.handshakematrix.dh.DhGroupCatalog.builtin(), config).forEach(out::println));
    }

    /**
     * {@code peers}: the current peers each working receiver-side fix was also run against; {@code rsaAdvice}:
     * what the product's own article says about RECEIVE_SIDE = YES (empty: nothing), set next to its cost.
     */
    static void diagnosis(PrintStream out, Explanation e, Resolution r, List<String> peers, String rsaAdvice) {
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
        out.println("Fixes, best first, each verified by a real handshake of the changed cell"
                + (peers.isEmpty() ? "" : "; each working receiver change also against the other senders and current peers "
                + String.join(", ", peers) + " (a name without @engine is the emulated twin)") + ":");
        for (FixAttempt a : r.ranked()) {
            out.println("  " + (a.works() ? "[ok]   " : "[fail] ") + a.line());
            if (!a.works()) {
                continue;
            }
            List<String> notes = new java.util.ArrayList<>();
            if (a.keepsDhe()) {
                notes.add("keeps DHE (forward secrecy)");
            }
            if (a.peerCount().counted() > 0) {
                notes.add(a.peerCount().text()); // the count explain and the KB print (PeerCount)
            }
            out.println("         " + String.join("; ", notes));
            a.costs().forEach(c -> out.println("         cost: " + c));
            if (!a.keepsDhe() && !rsaAdvice.isEmpty()) {
                out.println("         note: " + rsaAdvice + ". It does avoid the receiver's DH group altogether;"
                        + " what it trades is the cost above. Both facts are here: the choice is yours.");
            }
        }
        out.println(r.first().map(f -> "Recommended: set " + f.change() + " (" + f.where() + ")"
                + r.whyAboveRsa().map(w -> ": " + w).orElse(""))
                .orElse("No one-line change tried here makes it pass."));
        if (r.first().isPresent()) {
            out.println(r.smallestWithoutCost().map(f -> "Smallest change without a cost: set " + f.change())
                    .orElse("Every fix that works has a cost (above): weigh them."));
        }
        out.println("Groups under " + io.handshakematrix.diagnose.FixFinder.MIN_FIX_DH_BITS
                + " bits are never proposed (Logjam; every current client refuses them).");
    }
}
