package io.handshakematrix.engine;

import io.handshakematrix.model.Side;
import io.handshakematrix.profile.StackProfile;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * The one narrow interface every stack implementation speaks (after BoringSSL's BoGo shim):
 * start a receiver, run a sender against an address. The runner knows nothing else about engines.
 * Engines are created once per run and shared by all cells; {@link #close()} releases what they hold.
 */
public interface Engine extends AutoCloseable {
    String name();

    /** Why this engine cannot run {@code profile} in {@code role} at {@code protocol}; empty if it can. */
    default Optional<String> cannotRun(StackProfile profile, Side role, String protocol) {
        return Optional.empty();
    }

    /** Throws {@link NoAnswerException} if the receiver's stack hangs before it listens. */
    RunningReceiver serve(ReceiverSpec spec) throws IOException;

    /** Throws {@link NoAnswerException} if the sender's stack hangs (there is no report to return). */
    SideReport connect(SenderSpec spec, InetSocketAddress receiver);

    /** As {@link #connect(SenderSpec, InetSocketAddress)}; engines that can add each record's bytes do so. */
    default SideReport connect(SenderSpec spec, InetSocketAddress receiver, boolean hexTranscript) {
        return connect(spec, receiver);
    }

    @Override
    default void close() {
    }
}
