package io.handshakematrix.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.ProductSettings;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Faults the runner owns: a receiver that accepts and never answers makes that cell {@code timeout},
 * an engine that ignores every timeout is cut off by the runner's hard limit, an engine that throws makes that
 * cell {@code error} with the reason; the other cells of the run are unaffected.
 */
class RunnerFaultsTest {
    private static final ProductSettings PRODUCT = new ProductSettings("product", Map.of(
            "YES", List.of("AES256-SHA"), "NO", List.of("DHE-RSA-AES256-SHA")));
    private static final Matrix NO_EXPECTATIONS = new Matrix("test", PRODUCT, List.of(), List.of(), Map.of(),
            List.of(), List.of(), List.of(), List.of());

    /** Receivers that accept the TCP connection and then say nothing. */
    private static final class Silent implements Engine {
        @Override
        public String name() {
            return "silent";
        }

        @Override
        public RunningReceiver serve(ReceiverSpec spec) throws IOException {
            ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                try (Socket s = ss.accept()) {
                    s.getInputStream().readAllBytes(); // read the ClientHello and whatever follows, answer nothing
                } catch (IOException closed) {
                    // the cell is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            return new RunningReceiver() {
                @Override
                public InetSocketAddress address() {
                    return (InetSocketAddress) ss.getLocalSocketAddress();
                }

                @Override
                public SideReport await() {
                    return new SideLog().freeze(List.of()); // a silent peer reports nothing of its own
                }

                @Override
                public void close() {
                    try {
                        ss.close();
                    } catch (IOException ignored) {
                        // nothing to lose
                    }
                }
            };
        }

        @Override
        public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
            throw new UnsupportedOperationException("receiver only");
        }
    }

    /** An engine that ignores its timeouts: its sender never returns (receivers are emulated). */
    private static final class Hanging implements Engine {
        final EmulatedEngine receivers = new EmulatedEngine();

        @Override
        public String name() {
            return "hanging";
        }

        @Override
        public RunningReceiver serve(ReceiverSpec spec) throws IOException {
            return receivers.serve(spec);
        }

        @Override
        public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new SideLog().freeze(List.of());
        }

        @Override
        public void close() {
            receivers.close();
        }
    }

    /** An engine whose receivers cannot start: a bug or a broken environment, never a stack's verdict. */
    private static final class Throwing implements Engine {
        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public RunningReceiver serve(ReceiverSpec spec) {
            throw new IllegalStateException("container exited before it listened");
        }

        @Override
        public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
            throw new UnsupportedOperationException("receiver only");
        }
    }

    private static Map<String, CellResult> run(List<Cell> cells, Duration timeout) throws InterruptedException {
        try (EngineRegistry engines = new EngineRegistry().register("emulated", EmulatedEngine::new)
                .register("silent", Silent::new).register("hanging", Hanging::new)
                .register("throwing", Throwing::new)) {
            CellRunner runner = new CellRunner(engines, ProfileCatalog.builtin(), DhGroupCatalog.builtin(), PRODUCT,
                    null, timeout);
            Map<String, CellResult> out = new ConcurrentHashMap<>();
            new MatrixRunner(runner, 2).stream(NO_EXPECTATIONS, cells, r -> out.put(r.cell().sender(), r), null);
            return out;
        }
    }

    @Test
    void receiverThatNeverAnswersIsTimeoutForThatCellOnly() throws InterruptedException {
        Map<String, CellResult> r = run(List.of(
                new Cell("rhel-7.7", "rhel-6.10@silent", "NO", "1024", "TLSv1.2", 0),
                new Cell("rhel-6.10", "rhel-6.10", "NO", "1024", "TLSv1.2", 0)), Duration.ofSeconds(1));
        CellResult silent = r.get("rhel-7.7");
        assertEquals(Outcome.TIMEOUT, silent.result().outcome(), silent.result().summary());
        assertEquals("sender waited past the timeout", silent.result().detail());
        assertTrue(silent.result().transcript().get(0).contains("ClientHello"), silent.result().transcript().toString());
        assertEquals(Outcome.OK, r.get("rhel-6.10").result().outcome(), r.get("rhel-6.10").result().summary());
    }

    @Test
    void engineIgnoringItsTimeoutsIsCutOffByTheHardLimit() throws InterruptedException {
        Map<String, CellResult> r = run(List.of(
                new Cell("rhel-7.7@hanging", "rhel-6.10", "YES", "1024", "TLSv1.2", 0),
                new Cell("rhel-6.10", "rhel-6.10", "YES", "1024", "TLSv1.2", 0)), Duration.ofMillis(300));
        CellResult hung = r.get("rhel-7.7@hanging");
        assertEquals(Outcome.TIMEOUT, hung.result().outcome(), hung.result().summary());
        assertTrue(hung.result().detail().startsWith("no answer from the engines within"), hung.result().detail());
        assertEquals(Outcome.OK, r.get("rhel-6.10").result().outcome());
    }

    @Test
    void engineThatThrowsIsErrorWithTheReasonForThatCellOnly() throws InterruptedException {
        Map<String, CellResult> r = run(List.of(
                new Cell("rhel-7.7", "rhel-6.10@throwing", "YES", "1024", "TLSv1.2", 0),
                new Cell("rhel-6.10", "rhel-6.10", "YES", "1024", "TLSv1.2", 0)), Duration.ofSeconds(5));
        CellResult broken = r.get("rhel-7.7");
        assertEquals(Outcome.ERROR, broken.result().outcome());
        assertEquals("harness: java.lang.IllegalStateException: container exited before it listened",
                broken.result().detail());
        assertEquals(Outcome.OK, r.get("rhel-6.10").result().outcome());
    }
}
