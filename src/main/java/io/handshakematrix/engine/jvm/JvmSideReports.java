package io.handshakematrix.engine.jvm;

import com.fasterxml.jackson.databind.JsonNode;
import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.wire.RecordTranscript;
import io.handshakematrix.engine.wire.WireFacts;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ErrorMap;
import io.handshakematrix.profile.StackProfile;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Turns a child's "done" answer into the engine-neutral {@link SideReport}: alerts, the last handshake
 * message and the DH size come from the bytes on the wire; the error lines are the exception the stack
 * threw, in its own words. A side "gave up" when it failed on its own, i.e. before any fatal alert from
 * its peer arrived and while the peer was still there.
 */
final class JvmSideReports {
    private JvmSideReports() {}

    static SideReport from(ShimAnswer answer, boolean server, DhGroup requested, StackProfile profile) {
        SideLog log = new SideLog();
        if (!answer.is(ShimAnswer.DONE)) {
            log.harnessError("child JVM: " + answer.reason());
            return log.freeze(List.of());
        }
        JsonNode side = answer.raw();
        RecordTranscript transcript = new RecordTranscript(false);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean peerGone = false;
        JsonNode micros = side.path("wire_us"); // when each chunk crossed, in the child (an older child: none)
        int i = 0;
        for (JsonNode chunk : side.path("wire")) {
            String c = chunk.asText();
            long at = micros.has(i) ? micros.get(i).asLong() * 1000 : RecordTranscript.NOW;
            i++;
            if (c.equals("!")) {
                peerGone = true; // JSSE writes an alert after EOF; the peer never sees it, so it is not "sent"
                transcript.closed(false, at);
                continue;
            }
            byte[] b = Base64.getDecoder().decode(c.substring(1));
            if (c.charAt(0) == '>') {
                transcript.sent(b, 0, b.length, at);
                if (!peerGone) {
                    sent.writeBytes(b);
                }
            } else {
                transcript.received(b, 0, b.length, at);
                received.writeBytes(b);
            }
        }
        boolean timed = micros.size() > 0;
        WireFacts wire = new WireFacts();
        WireFacts.Direction out = wire.from(!server);
        WireFacts.Direction in = wire.from(server);
        out.feed(sent.toByteArray());
        in.feed(received.toByteArray());
        boolean completed = side.path("completed").asBoolean();
        if (completed) {
            log.completed(side.path("protocol").asText(), side.path("suite").asText());
        }
        Optional<BigInteger> prime = wire.dhPrime();
        prime.ifPresent(p -> log.dhBits(p.bitLength()));
        if (server && requested != null && prime.isPresent() && !prime.get().equals(requested.p())) {
            log.harnessError("the receiver served a " + prime.get().bitLength() + "-bit group, not the requested "
                    + requested.name() + ": its profile's server.default_dh_group is wrong");
        }
        if (out.fatalAlert() != null) {
            log.alertSent(out.fatalAlert());
        }
        if (in.fatalAlert() != null) {
            log.alertReceived(in.fatalAlert());
        }
        if (in.lastHandshake() != null) {
            log.lastReceived(in.lastHandshake());
        }
        boolean peerClosed = side.path("peerClosed").asBoolean();
        boolean timedOut = side.path("timedOut").asBoolean();
        List<String> failure = new ArrayList<>();
        side.path("errors").forEach(f -> failure.add(withoutInstanceTag(f.asText())));
        if (!failure.isEmpty()) {
            if (!completed && in.fatalAlert() == null && !peerClosed && !timedOut) {
                // a real JDK names no rule: its exception's words are read back into one by its profile's lines
                log.gaveUp(ErrorMap.of(profile).rule(server ? Side.RECEIVER : Side.SENDER, failure).orElse(null), failure);
            } else {
                log.error(failure);
            }
        }
        if (peerClosed) {
            log.peerClosed();
        }
        if (timedOut) {
            log.timedOut();
        }
        return log.freeze(transcript.lines(), timed ? transcript.events() : List.of());
    }

    /**
     * BCJSSE appends "; [server #16 @27a36bb2] found no selectable cipher suite among ..." to some alerts: an
     * instance counter and hash that differ per run, so the line could never equal its twin's. Cut there.
     */
    static String withoutInstanceTag(String line) {
        return line.replaceFirst("; \\[(server|client) #\\d+ @[0-9a-f]+\\].*$", "");
    }
}
