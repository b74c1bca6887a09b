package io.handshakematrix.engine;

import java.net.InetSocketAddress;

/** A receiver listening on 127.0.0.1 for one handshake. */
public interface RunningReceiver extends AutoCloseable {
    InetSocketAddress address();

    /**
     * The receiver's report once its handshake ended (or timed out); {@link NoAnswerException} if its stack
     * hangs and gives no report at all.
     */
    SideReport await() throws InterruptedException;

    @Override
    void close();
}
