package io.handshakematrix.engine.container;

import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.shim.ShimConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A container of one emulated-stack image running the stack agent, shared by every cell of a run in one role.
 * It counts as started once the agent printed its ready line (its control port is bound then; an open port
 * alone would not say which port); the harness then holds one control connection to it, over which cells'
 * requests and answers travel tagged with their ids.
 */
final class AgentContainer extends ShimContainer {
    private final AtomicReference<ShimConnection> control = new AtomicReference<>();

    AgentContainer(String image) {
        super(image);
    }

    /** The control connection, opened on first use from the port in the agent's ready line. */
    synchronized ShimConnection control() throws IOException {
        ShimConnection c = control.get();
        if (c != null) {
            return c;
        }
        String readyLine = getLogs().lines().filter(l -> l.contains("\"event\":\"ready\"")).findFirst()
                .orElseThrow(() -> new IOException("the agent printed no ready line"));
        int port;
        try {
            port = ShimAnswer.parse(readyLine).raw().path("control_port").asInt();
        } catch (ShimAnswer.NotAnAnswer e) {
            throw new IOException("the agent's ready line: " + e.getMessage());
        }
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        c = new ShimConnection(s.getInputStream(), s.getOutputStream(), getDockerImageName(), a -> { },
                () -> "container " + getContainerName() + (isRunning() ? " closed its control port" : " is not running"));
        control.set(c);
        return c;
    }

    @Override
    public void stop() {
        ShimConnection c = control.getAndSet(null);
        if (c != null) {
            c.close();
        }
        super.stop();
    }
}
