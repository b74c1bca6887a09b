package io.handshakematrix.bench;

import io.handshakematrix.dh.DhGroup;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * The comparison the speed targets are stated against: one {@code openssl s_server} on 127.0.0.1 and a loop
 * of {@code openssl s_client} processes, one full handshake each, the way a shell script would test a cell.
 * Same suite, same DH group, same certificate size as the emulated cell; the stacks are this machine's
 * OpenSSL 3 at SECLEVEL 0 (so that DH 1024 loads), not the emulated RHEL builds.
 */
public final class OpensslLoop {
    private OpensslLoop() {}

    /** Why the loop cannot run here; empty if {@code openssl} answers. */
    public static Optional<String> unavailable() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.empty()
                    : Optional.of("'openssl version' failed");
        } catch (IOException e) {
            return Optional.of("no openssl on PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** {@code group} null for RSA key exchange. The temporary key and certificate are deleted afterwards. */
    public static KexThroughput.Figure measure(String label, String suite, DhGroup group, int handshakes)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("hm-openssl-bench");
        Process server = null;
        try {
            run(dir, List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem",
                    "-out", "cert.pem", "-days", "1", "-subj", "/CN=handshake-matrix bench"));
            if (group != null) {
                writeDhParams(dir.resolve("dh.pem"), group);
            }
            int port = freeLoopbackPort();
            List<String> cmd = new java.util.ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                    "-cert", "cert.pem", "-key", "key.pem", "-tls1_2", "-cipher", suite + ":@SECLEVEL=0", "-quiet"));
            if (group != null) {
                cmd.addAll(List.of("-dhparam", "dh.pem"));
            }
            // stdin stays an open pipe: s_server quits on end of input
            server = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(dir.resolve("server.log").toFile()).redirectErrorStream(true).start();
            awaitListening(port, server, dir);
            Meter m = Meter.start();
            for (int i = 0; i < handshakes; i++) {
                String out = run(dir, List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port, "-tls1_2",
                        "-cipher", suite + ":@SECLEVEL=0", "-brief"));
                if (!out.contains("Ciphersuite: " + suite)) {
                    throw new IOException("openssl s_client did not negotiate " + suite + ":\n" + out);
                }
            }
            return new KexThroughput.Figure(label, handshakes, m.wallSeconds(), Double.NaN, "ok " + suite);
        } finally {
            if (server != null) {
                server.destroy();
                server.waitFor(5, TimeUnit.SECONDS);
            }
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static String run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }

    private static void writeDhParams(Path file, DhGroup g) throws IOException {
        byte[] der = new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
            new ASN1Integer(g.p()), new ASN1Integer(g.g())}).getEncoded();
        StringWriter s = new StringWriter();
        try (PemWriter w = new PemWriter(s)) {
            w.writeObject(new PemObject("DH PARAMETERS", der));
        }
        Files.writeString(file, s.toString());
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitListening(int port, Process server, Path dir) throws IOException, InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (!server.isAlive()) {
                throw new IOException("openssl s_server exited: " + Files.readString(dir.resolve("server.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("openssl s_server did not listen on 127.0.0.1:" + port);
    }
}
