package io.handshakematrix.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.dh.Pkcs3Pem;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideEnd;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.UnsupportedSettingException;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.shim.ShimSettings;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One shim request run by the emulated engine (its public API only) with the agent's profile: a receiver that
 * reports its port once listening, or a sender against 127.0.0.1:port. The answer is the shim's done line with
 * the profile's own error lines; the extras (gave_up, alert_sent, alert_received, last_received, and the id of the
 * profile rule that fired) are what the emulated side itself saw, for users' tests (StackContainer) and for checking the two sides against each other.
 */
final class AgentHandshakes {
    /** The one stack setting the agent takes: the harness's name for the mounted DH group. */
    static final String DH_NAME = "dh-name";

    private final EmulatedEngine engine;
    private final StackProfile profile;

    AgentHandshakes(EmulatedEngine engine, StackProfile profile) {
        this.engine = engine;
        this.profile = profile;
    }

    StackProfile profile() {
        return profile;
    }

    ObjectNode handle(long id, ShimSettings s, Consumer<ObjectNode> listening) {
        Set<String> unknown = new java.util.TreeSet<>(s.stack().keySet());
        unknown.remove(DH_NAME);
        if (!unknown.isEmpty()) {
            return ShimAnswer.event(id, ShimAnswer.UNSUPPORTED, "the stack agent takes no setting " + unknown);
        }
        if (!"127.0.0.1".equals(s.host())) {
            return ShimAnswer.event(id, ShimAnswer.UNSUPPORTED, "the stack agent listens and connects on 127.0.0.1 only");
        }
        Duration timeout = Duration.ofMillis(s.timeoutMs());
        try {
            SideReport r;
            if (s.receiver()) {
                r = receive(id, s, timeout, listening);
            } else if (ShimSettings.SENDER.equals(s.role())) {
                r = engine.connect(new SenderSpec(profile, s.protocol(), s.minDhBits(), timeout),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), s.port()));
            } else {
                return ShimAnswer.event(id, ShimAnswer.ERROR, "role must be sender or receiver, not '" + s.role() + "'");
            }
            return done(id, r);
        } catch (UnsupportedSettingException e) {
            return ShimAnswer.event(id, ShimAnswer.UNSUPPORTED, e.getMessage());
        } catch (IOException | InputError e) {
            return ShimAnswer.event(id, ShimAnswer.ERROR, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ShimAnswer.event(id, ShimAnswer.ERROR, "interrupted");
        }
    }

    private SideReport receive(long id, ShimSettings s, Duration timeout, Consumer<ObjectNode> listening)
            throws IOException, InterruptedException {
        DhGroup group = s.dh() == null ? null : group(s.dh(), s.stack().get(DH_NAME));
        try (RunningReceiver running = engine.serve(new ReceiverSpec(profile, s.suites(), group, timeout))) {
            listening.accept(ShimAnswer.event(id, ShimAnswer.LISTENING, null).put("port", running.address().getPort()));
            return running.await();
        }
    }

    static DhGroup group(String pemPath, String name) throws IOException {
        Path p = Path.of(pemPath);
        return Pkcs3Pem.parse(name != null ? name : p.getFileName().toString(), Files.readAllBytes(p));
    }

    static ObjectNode done(long id, SideReport r) {
        if (r.end() instanceof SideEnd.Unsupported u) {
            return ShimAnswer.event(id, ShimAnswer.UNSUPPORTED, u.reason());
        }
        if (r.harnessError() != null) {
            return ShimAnswer.event(id, ShimAnswer.ERROR, r.harnessError());
        }
        ObjectNode n = ShimAnswer.done(id, r.completed() && !r.gaveUp(), r.protocol(), r.cipher(), r.dhBits(), r.errors());
        n.put("gave_up", r.gaveUp()).put("timed_out", r.timedOut()).put("last_received", r.lastReceived());
        if (r.rule() != null) { // the profile rule the emulated side itself gave up on
            n.put("rule", r.rule());
        }
        if (r.alertSent() != null) {
            n.put("alert_sent", r.alertSent());
        }
        if (r.alertReceived() != null) {
            n.put("alert_received", r.alertReceived());
        }
        return n;
    }
}
