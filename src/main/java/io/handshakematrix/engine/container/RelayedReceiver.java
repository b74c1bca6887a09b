package io.handshakematrix.engine.container;

import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SideReport;
import java.net.InetSocketAddress;

/**
 * A receiver stack behind its {@link TcpRelay}, for every engine whose receivers run outside the harness (a real
 * tool's shim, a stack agent, the product): the sender is pointed at the relay, and the side's report is made once
 * the stack's own end came (its process exited or was killed, its agent answered) and the relay passed the last
 * bytes. {@code E}: what the end is (exited or not, the agent's answer).
 */
final class RelayedReceiver<E> implements RunningReceiver {
    interface End<E> {
        E await() throws InterruptedException;
    }

    interface Report<E> {
        SideReport of(E end);
    }

    private static final long RELAY_DRAIN_MS = 1000; // the stack is done: its last bytes are in flight, if any

    private final TcpRelay relay;
    private final End<E> end;
    private final Report<E> report;
    private final Runnable stop;

    RelayedReceiver(TcpRelay relay, End<E> end, Report<E> report, Runnable stop) {
        this.relay = relay;
        this.end = end;
        this.report = report;
        this.stop = stop;
    }

    @Override
    public InetSocketAddress address() {
        return relay.address();
    }

    @Override
    public SideReport await() throws InterruptedException {
        E e = end.await();
        relay.awaitClosed(RELAY_DRAIN_MS);
        return report.of(e);
    }

    @Override
    public void close() {
        relay.close();
        stop.run();
    }
}
