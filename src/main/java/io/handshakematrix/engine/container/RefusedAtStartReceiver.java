package io.handshakematrix.engine.container;

import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * A real receiver whose stack refused its own settings at start (s_server under a crypto policy, given a DH group
 * below the policy's minimum: 'dh key too small', docs/stacks.md) and so never listened. Its shim answered
 * {@code done} with the stack's lines. The sender still meets the harness's relay address, now with no receiver
 * behind it: it is accepted, what it sends is taken in, and it is closed without a byte, as the emulated engine's
 * refuse_to_load does (a product whose server died before any client came).
 */
final class RefusedAtStartReceiver implements RunningReceiver {
    private static final int DRAIN_MS = 200;

    private final ServerSocket listening;
    private final String rule;
    private final List<String> errors;
    private final int timeoutMs;
    private final Thread closer;

    /** Starts at once taking in and closing the sender's connection: the sender runs before {@link #await}. */
    RefusedAtStartReceiver(String rule, List<String> errors, int timeoutMs) throws IOException {
        this.listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.rule = rule;
        this.errors = List.copyOf(errors);
        this.timeoutMs = timeoutMs;
        this.closer = new Thread(this::takeInAndClose, "refused-at-start-" + listening.getLocalPort());
        closer.setDaemon(true);
        closer.start();
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), listening.getLocalPort());
    }

    @Override
    public SideReport await() throws InterruptedException {
        closer.join(timeoutMs + 1000L);
        SideLog log = new SideLog();
        log.gaveUp(rule, errors);
        log.muteAlerts();
        return log.freeze(List.of());
    }

    private void takeInAndClose() {
        try {
            listening.setSoTimeout(timeoutMs);
            try (Socket s = listening.accept()) {
                s.setSoTimeout(DRAIN_MS);
                s.getInputStream().read(new byte[16_384]);
            } catch (SocketTimeoutException e) {
                // nobody came, or the sender sent nothing in time: the receiver's end is the same
            }
        } catch (IOException e) {
            // the sender went away first: the receiver's end is the same
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        try {
            listening.close();
        } catch (IOException ignored) {
            // closing a listening socket: nothing to report
        }
    }
}
