package io.handshakematrix.engine.jvm;

import io.handshakematrix.engine.ServerIdentity;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.shim.ShimConnection;
import io.handshakematrix.engine.shim.ShimSettings;
import io.handshakematrix.profile.JvmLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One child JVM running {@code ShimMain} for one stack, started once per run and serving many cells (replaced
 * by a new one if it hangs or breaks, see {@link Request}).
 * Requests are tagged with an id; a reader thread routes each answer line to the waiting cell.
 * The messages are the shim protocol's persistent form (images/README.md), plus one setup line:
 * <pre>
 * harness -> child  {"identity":{"key":PKCS8-base64,"cert":DER-base64}}          once, first
 *                   {"id":N,"role":"receiver","host":"127.0.0.1","port":0,"protocol":"TLSv1.2","suites":"A:B","timeout-ms":T}
 *                   {"id":N,"role":"sender","host":"127.0.0.1","port":P,"protocol":"TLSv1.2","timeout-ms":T}
 * child -> harness  {"event":"ready","shim":1,"java":...,"providers":[...]}
 *                   {"id":N,"event":"listening","port":P}
 *                   {"id":N,"event":"done","completed":..,"protocol":..,"suite":..,"dh_bits":null,"errors":[..],
 *                    "peerClosed":..,"timedOut":..,"wire":[">"|"<" + base64]}
 *                   {"id":N,"event":"unsupported","reason":...}      the stack cannot take a setting (a skip)
 *                   {"id":N,"event":"error","reason":...}            the shim itself failed (a harness error)
 * </pre>
 */
final class ShimProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAIN = "io.handshakematrix.engine.jvm.shim.ShimMain";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120); // a cold JVM on a loaded 2-core box

    private final Process process;
    private final Path securityFile;
    private final Path stderrFile;
    private final BlockingQueue<ShimAnswer> ready = new LinkedBlockingQueue<>();
    private final ShimConnection connection;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean retired;

    private ShimProcess(Process process, Path securityFile, Path stderrFile, String description) {
        this.process = process;
        this.securityFile = securityFile;
        this.stderrFile = stderrFile;
        this.connection = new ShimConnection(process.getInputStream(), process.getOutputStream(), description,
                ready::add, () -> "child JVM " + description + " exited: " + stderrTail());
    }

    /** Starts the child for {@code launch} and waits until it has the receiver identity loaded. */
    static ShimProcess start(String stackId, Path java, String classpath, JvmLaunch launch, ServerIdentity identity)
            throws IOException {
        Path security = Files.createTempFile("hm-" + stackId + "-", ".security");
        StringBuilder props = new StringBuilder("# java.security overrides for " + stackId + " (profile jvm block)\n");
        launch.securityProperties().forEach((k, v) -> props.append(k).append('=').append(v).append('\n'));
        Files.writeString(security, props);
        Path stderr = Files.createTempFile("hm-" + stackId + "-", ".stderr");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", classpath,
                "-Djava.security.properties=" + security, "-Dhandshakematrix.shim.provider=" + launch.provider(),
                "-XX:+UseSerialGC"));
        launch.systemProperties().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add(MAIN);
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        ShimProcess shim = new ShimProcess(p, security, stderr, stackId + " (" + java + ")");
        ObjectNode hello = JSON.createObjectNode();
        hello.putObject("identity").put("key", Base64.getEncoder().encodeToString(identity.privateKeyPkcs8()))
                .put("cert", Base64.getEncoder().encodeToString(identity.certificateDer()));
        try {
            shim.connection.write(JSON.writeValueAsString(hello));
            ShimAnswer r = shim.ready.poll(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (r == null || !r.is(ShimAnswer.READY)) {
                String why = "child JVM for " + stackId + " did not start: " + shim.stderrTail();
                shim.close();
                throw new IOException(why);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shim.close();
            throw new IOException("interrupted while starting " + stackId);
        }
        return shim;
    }

    /** Sends a request (an id is added) and returns where its answers arrive. */
    Request send(ShimSettings settings) throws IOException {
        inFlight.incrementAndGet();
        try {
            return new Request(connection.send(settings));
        } catch (IOException | RuntimeException e) {
            settle();
            throw e;
        }
    }

    /**
     * One request's answers. A request that got no answer in time, or an error answer (the child died, said
     * something that is not one JSON line, or its shim failed), retires the child: a hung or broken child
     * would only make every later cell wait in vain or fail the same way, so {@link JvmEngine} starts a
     * fresh one for the next cell. The retired child is killed once its last request in flight has settled:
     * killing it at once would turn the other cells waiting on it (cells run concurrently) from the timeout
     * they are into an error ("the child exited").
     */
    final class Request implements AutoCloseable {
        private final ShimConnection.Exchange exchange;
        private boolean settled;

        private Request(ShimConnection.Exchange exchange) {
            this.exchange = exchange;
        }

        /** The next answer, or empty if none came within {@code deadline}: the child hangs. */
        Optional<ShimAnswer> next(Duration deadline) throws InterruptedException {
            Optional<ShimAnswer> a;
            try {
                a = exchange.poll(deadline);
            } catch (InterruptedException e) {
                close();
                throw e;
            }
            if (a.isEmpty() || a.get().is(ShimAnswer.ERROR)) {
                retired = true;
            }
            if (a.isEmpty() || !a.get().is(ShimAnswer.LISTENING)) {
                close();
            }
            return a;
        }

        /** This request wants no more answers (its last came, or nobody will wait for it). */
        @Override
        public synchronized void close() {
            if (!settled) {
                settled = true;
                settle();
            }
        }
    }

    /** False once the child hung, broke or exited: the engine then starts a new one. */
    boolean usable() {
        return !retired && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    private void settle() {
        if (inFlight.decrementAndGet() == 0 && retired) {
            close();
        }
    }

    private String stderrTail() {
        try {
            List<String> lines = Files.readAllLines(stderrFile);
            return lines.isEmpty() ? "(no stderr)" : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5),
                    lines.size()));
        } catch (IOException e) {
            return "(stderr unreadable)";
        }
    }

    @Override
    public void close() {
        connection.close(); // the shim exits when its stdin ends
        if (retired) {
            process.destroyForcibly(); // a hung child never reads its stdin's end (SIGKILL ends a stopped one too)
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(securityFile);
            Files.deleteIfExists(stderrFile);
        } catch (IOException ignored) {
            // temp files; the OS cleans them eventually
        }
    }
}
