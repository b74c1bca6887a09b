package io.handshakematrix.engine;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The one narrow interface every stack implementation speaks (after BoringSSL's BoGo shim):
 * start a receiver, run a sender against an address. The runner knows nothing else about engines.
 */
public interface Engine {
    String name();

    RunningReceiver serve(ReceiverSpec spec) throws IOException;

    SideReport connect(SenderSpec spec, InetSocketAddress receiver);
}
