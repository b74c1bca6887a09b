package io.handshakematrix.peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real TLS tool run as a child process for a test (openssl s_server, gnutls-serv, a JDK program), with its
 * output in a file. Closing it ends that process (by its handle, never by name).
 */
public final class PeerProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private PeerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}; stdin stays open (s_server exits on EOF), output goes to a log file. */
    public static PeerProcess start(List<String> command, Path dir) throws IOException {
        Path log = Files.createTempFile(dir, "peer", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new PeerProcess(p, log);
    }

    /** Starts a client whose stdin is empty (s_client, gnutls-cli: they end when their input does). */
    public static PeerProcess client(List<String> command, Path dir) throws IOException {
        Path log = Files.createTempFile(dir, "peer", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        return new PeerProcess(p, log);
    }

    /** Starts a server and waits until {@code port} on 127.0.0.1 accepts connections. */
    public static PeerProcess server(List<String> command, Path dir, int port) throws IOException, InterruptedException {
        PeerProcess p = start(command, dir);
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!p.process.isAlive()) {
                throw new IOException(command.get(0) + " exited: " + p.output());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return p;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.close();
        throw new IOException(command.get(0) + " did not listen on 127.0.0.1:" + port + ": " + p.output());
    }

    /** Waits for the process to end (a client run) and returns its output. */
    public String finish(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return output();
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public static boolean installed(String path) {
        return Files.isExecutable(Path.of(path));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
