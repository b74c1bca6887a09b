package io.handshakematrix.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.shim.ShimSettings;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The stack agent: an emulated stack profile (any profile, a user's too) run by the harness's own emulated
 * engine inside a stack image, speaking the shim protocol's persistent form (images/README.md) over TCP line
 * streams on 127.0.0.1. It prints one ready line with its control port, then serves requests from every
 * control connection concurrently, each answered with its id. Two modes:
 * <pre>
 *   StackAgent --profile FILE                   the matrix's image tier: requests over the control port
 *   StackAgent --profile FILE --listen PORT --receive-side-suites A:B [--dh FILE]
 *                                               a standing receiver for users' tests (StackContainer): one
 *                                               done line per handshake on stdout
 *   StackAgent --profile FILE --connect PORT    one sender handshake (StackContainer.sender), then exit
 * </pre>
 */
public final class StackAgent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StackAgent() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing but protocol lines on the real stdout
        AgentArgs a = AgentArgs.parse(List.of(args));
        StackProfile profile = ProfileCatalog.readFile(Path.of(a.profile()));
        EmulatedEngine engine = new EmulatedEngine();
        AgentHandshakes handshakes = new AgentHandshakes(engine, profile);
        if (a.listen() != null) {
            StandingReceiver.run(handshakes, a, out);
            return;
        }
        if (a.connect() != null) {
            ObjectNode done = handshakes.handle(0, a.settings(ShimSettings.SENDER, a.connect()), l -> { });
            out.println(JSON.writeValueAsString(done));
            System.exit(done.path("completed").asBoolean() ? 0 : 1);
        }
        serveControl(handshakes, profile, out);
    }

    private static void serveControl(AgentHandshakes handshakes, StackProfile profile, PrintStream out)
            throws IOException {
        ExecutorService cells = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "agent-cell");
            t.setDaemon(true);
            return t;
        });
        try (ServerSocket control = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ObjectNode ready = JSON.createObjectNode().put("event", ShimAnswer.READY).put("shim", ShimSettings.VERSION)
                    .put("stack", profile.id()).put("control_port", control.getLocalPort());
            out.println(JSON.writeValueAsString(ready));
            while (true) {
                Socket s = control.accept();
                // Answers are small lines written as cells finish: with Nagle's algorithm a second answer waits for
                // the harness's delayed ACK of the first (~40 ms), which would bound the image tier at ~25 cells/s
                s.setTcpNoDelay(true);
                Thread t = new Thread(() -> serveConnection(s, handshakes, cells), "agent-control");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static void serveConnection(Socket s, AgentHandshakes handshakes, ExecutorService cells) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
             Writer w = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode req;
                try {
                    req = JSON.readTree(line);
                } catch (IOException e) {
                    write(w, ShimAnswer.event(-1, ShimAnswer.ERROR, "a request is not one JSON line"));
                    continue;
                }
                long id = req.path("id").asLong(-1);
                cells.submit(() -> {
                    ObjectNode done = handshakes.handle(id, ShimSettings.fromJson(req), listening -> write(w, listening));
                    write(w, done);
                });
            }
        } catch (IOException e) {
            // the harness closed its control connection: its cells are over
        }
    }

    private static void write(Writer w, ObjectNode answer) {
        try {
            String line = JSON.writeValueAsString(answer);
            synchronized (w) {
                w.write(line);
                w.write('\n');
                w.flush();
            }
        } catch (IOException e) {
            // the harness is gone; nobody waits for this answer
        }
    }
}
