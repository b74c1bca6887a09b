package io.handshakematrix.engine.jvm.shim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The child-JVM shim (after BoringSSL's BoGo shim): one process per stack per run, serving many cells.
 * Requests come one JSON object a line on stdin, answers go one a line on stdout, tagged with the
 * request's id (cells run concurrently). A request the stack cannot honour gets the distinct answer
 * {@code unsupported}, so "can't" is never mistaken for "did it wrong". See JvmProtocol for the messages.
 * The provider comes from -Dhandshakematrix.shim.provider (sunjsse or bc-fips); java.security settings
 * come from the command line the harness built, so each child's are its own.
 */
public final class ShimMain {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    private ShimMain() {}

    public static void main(String[] args) throws Exception {
        System.setOut(System.err); // nothing but protocol lines on the real stdout
        String jsseProvider = ShimTls.install(System.getProperty("handshakematrix.shim.provider", ShimTls.SUN));
        ExecutorService cells = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "shim-cell");
            t.setDaemon(true);
            return t;
        });
        ShimHandshake handshakes = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            JsonNode req = JSON.readTree(line);
            String op = req.path("op").asText();
            if (op.equals("identity")) {
                SSLContext ctx = ShimTls.context(jsseProvider, Base64.getDecoder().decode(req.get("key").asText()),
                        Base64.getDecoder().decode(req.get("cert").asText()));
                handshakes = new ShimHandshake(ctx);
                Map<String, Object> ready = new LinkedHashMap<>();
                ready.put("op", "ready");
                ready.put("java", System.getProperty("java.version"));
                ready.put("javaHome", System.getProperty("java.home"));
                ready.put("providers", providerNames());
                send(ready);
                continue;
            }
            long id = req.path("id").asLong();
            if (handshakes == null) {
                answer(id, "error", Map.of("reason", "no identity sent before " + op));
                continue;
            }
            ShimHandshake h = handshakes;
            cells.submit(() -> handle(h, op, id, req));
        }
        cells.shutdownNow(); // stdin closed: the harness is done or gone
    }

    private static void handle(ShimHandshake h, String op, long id, JsonNode req) {
        try {
            int timeoutMs = req.path("timeoutMs").asInt(10_000);
            switch (op) {
                case "serve" -> {
                    List<String> suites = new ArrayList<>();
                    req.path("suites").forEach(s -> suites.add(s.asText()));
                    Map<String, Object> side = h.serve(suites, timeoutMs,
                            port -> answer(id, "listening", Map.of("port", port)));
                    answer(id, "done", Map.of("side", side));
                }
                case "connect" -> answer(id, "done", Map.of("side",
                        h.connect(req.path("port").asInt(), req.path("maxProtocol").asText(), timeoutMs)));
                default -> answer(id, "unsupported", Map.of("reason", "unknown op '" + op + "'"));
            }
        } catch (Exception e) {
            answer(id, "error", Map.of("reason", e.toString()));
        }
    }

    private static List<String> providerNames() {
        List<String> out = new ArrayList<>();
        for (Provider p : Security.getProviders()) {
            out.add(p.getName() + " " + p.getVersionStr());
        }
        return out;
    }

    private static void answer(long id, String event, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("event", event);
        m.putAll(fields);
        send(m);
    }

    private static void send(Map<String, Object> m) {
        try {
            String line = JSON.writeValueAsString(m);
            synchronized (OUT) {
                OUT.println(line);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
