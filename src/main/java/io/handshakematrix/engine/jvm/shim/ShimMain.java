package io.handshakematrix.engine.jvm.shim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.engine.shim.ShimAnswer;
import io.handshakematrix.engine.shim.ShimSettings;
import io.handshakematrix.engine.shim.StandardSuiteNames;
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
 * The child-JVM shim: one process per stack per run, serving many cells over the shim protocol's
 * persistent form (images/README.md, the same protocol every stack outside the harness speaks): after one
 * identity line (the receivers' key and certificate), requests come one JSON object a line on stdin, answers
 * go one a line on stdout, tagged with the request's id (cells run concurrently). A request the stack cannot
 * honour gets the reserved answer {@code unsupported}, so "can't" is never mistaken for "did it wrong".
 * The done answer adds the stack's bytes both ways ("wire"), which the harness parses for the wire facts.
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
            if (req.has("identity")) {
                JsonNode identity = req.get("identity");
                SSLContext ctx = ShimTls.context(jsseProvider, Base64.getDecoder().decode(identity.get("key").asText()),
                        Base64.getDecoder().decode(identity.get("cert").asText()));
                handshakes = new ShimHandshake(ctx);
                Map<String, Object> ready = new LinkedHashMap<>();
                ready.put("event", ShimAnswer.READY);
                ready.put("shim", ShimSettings.VERSION);
                ready.put("java", System.getProperty("java.version"));
                ready.put("javaHome", System.getProperty("java.home"));
                ready.put("providers", providerNames());
                send(ready);
                continue;
            }
            long id = req.path("id").asLong();
            if (handshakes == null) {
                answer(id, ShimAnswer.ERROR, Map.of("reason", "no identity line before the first request"));
                continue;
            }
            ShimHandshake h = handshakes;
            cells.submit(() -> handle(h, id, req));
        }
        cells.shutdownNow(); // stdin closed: the harness is done or gone
    }

    /** One shim-protocol request (images/README.md): a receiver or a sender for one handshake. */
    private static void handle(ShimHandshake h, long id, JsonNode req) {
        try {
            ShimSettings settings = ShimSettings.fromJson(req);
            int timeoutMs = (int) settings.timeoutMs();
            if (!settings.stack().isEmpty() || settings.minDhBits() > 0 || !"127.0.0.1".equals(settings.host())) {
                answer(id, ShimAnswer.UNSUPPORTED, Map.of("reason", "the JVM shim takes no stack settings, no "
                        + "MinimumDHBits and no host but 127.0.0.1; got " + req));
                return;
            }
            switch (settings.role()) {
                case ShimSettings.RECEIVER -> {
                    List<String> suites = settings.suites().stream().map(StandardSuiteNames::standard).toList();
                    // A suite the provider lacks is left out and the real stack decides (a finding, no skip: a receiver that
                    // can enable none of them fails in its own words; a finding, not a skip).
                    answer(id, ShimAnswer.DONE, h.serve(suites, timeoutMs,
                            port -> answer(id, ShimAnswer.LISTENING, Map.of("port", port))));
                }
                case ShimSettings.SENDER -> answer(id, ShimAnswer.DONE,
                        h.connect(settings.port(), settings.protocol(), timeoutMs));
                default -> answer(id, ShimAnswer.ERROR, Map.of("reason", "role must be sender or receiver, not '"
                        + settings.role() + "'"));
            }
        } catch (Exception e) {
            answer(id, ShimAnswer.ERROR, Map.of("reason", e.toString()));
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
