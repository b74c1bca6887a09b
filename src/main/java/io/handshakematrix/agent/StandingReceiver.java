package io.handshakematrix.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.shim.ShimSettings;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent as a standing receiver for users' own tests (StackContainer.receiver): listens on a fixed port
 * until the container stops, one shim done line per handshake on stdout (with the peer's address), after a
 * ready line printed only once the port is bound, which is what StackContainer waits for.
 */
final class StandingReceiver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StandingReceiver() {}

    static void run(AgentHandshakes handshakes, AgentArgs a, PrintStream out) throws Exception {
        ShimSettings s = a.settings(ShimSettings.RECEIVER, a.listen());
        DhGroup group = s.dh() == null ? null : AgentHandshakes.group(s.dh(), s.stack().get(AgentHandshakes.DH_NAME));
        ReceiverSpec spec = new ReceiverSpec(handshakes.profile(), s.suites(), group, Duration.ofMillis(s.timeoutMs()));
        spec.requireServableGroup();
        AtomicLong n = new AtomicLong();
        EmulatedEngine engine = new EmulatedEngine();
        try (EmulatedEngine.ReceiverService service = engine.serveMany(spec, new InetSocketAddress(a.bind(), a.listen()),
                (peer, report) -> {
                    ObjectNode done = AgentHandshakes.done(n.incrementAndGet(), report).put("peer", peer.toString());
                    synchronized (out) {
                        out.println(done.toString());
                    }
                })) {
            ObjectNode ready = JSON.createObjectNode().put("event", ShimAnswer.READY).put("shim", ShimSettings.VERSION)
                    .put("stack", handshakes.profile().id()).put("port", service.address().getPort());
            synchronized (out) {
                out.println(ready.toString());
            }
            Thread.currentThread().join(); // until the container is stopped
        }
    }
}
