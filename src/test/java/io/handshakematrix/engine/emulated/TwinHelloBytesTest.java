package io.handshakematrix.engine.emulated;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.engine.wire.HelloMessage;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.TlsCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte checks for the emulated twins of the real container-tier stacks: each twin's ClientHello, as a
 * TCP listener on 127.0.0.1 receives it, decoded field by field and compared with the real client's ClientHello
 * captured with the container or jvm tier's own settings (src/test/resources/hellos/PROFILE-twin-client-hello.hex, made by
 * capture.py or CaptureJvm.java; the command is in each file). Every capture there is checked: a new one is a new
 * case, found by its file name. The expected side is the committed capture, not the profile, so a
 * profile that drifts from the real bytes fails with "field: expected X, got Y". Random aside.
 */
class TwinHelloBytesTest {
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();
    private static final EmulatedEngine ENGINE = new EmulatedEngine();

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    private static final Path HELLOS = Path.of("src/test/resources/hellos");
    private static final String CLIENT = "-twin-client-hello.hex";
    private static final String SERVER = "-twin-server-hello.hex";

    /** Every profile with a real client's capture: PROFILE-twin-client-hello.hex. */
    static List<String> clientCaptures() throws IOException {
        List<String> profiles;
        try (Stream<Path> files = Files.list(HELLOS)) {
            profiles = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(CLIENT))
                    .map(n -> n.substring(0, n.length() - CLIENT.length())).sorted().toList();
        }
        assertFalse(profiles.isEmpty(), "no *" + CLIENT + " in " + HELLOS);
        return profiles;
    }

    /**
     * Every profile whose receiver answered a real client in a capture (PROFILE-twin-server-hello.hex), and the
     * -legacy / -approved variants of those, which answered byte for byte as their base stack did
     * (CaptureJvmServer.java).
     */
    static List<String> serverCaptures() throws IOException {
        List<String> profiles = clientCaptures().stream()
                .filter(p -> Files.exists(HELLOS.resolve(serverCaptureOf(p) + SERVER))).toList();
        assertFalse(profiles.isEmpty(), "no *" + SERVER + " in " + HELLOS);
        return profiles;
    }

    private static String serverCaptureOf(String profile) {
        return profile.replaceFirst("-(legacy|approved)$", "");
    }

    @ParameterizedTest(name = "{0} ClientHello equals the real client's capture")
    @MethodSource("clientCaptures")
    void clientHelloIsTheRealClients(String profile) throws Exception {
        byte[] real = capture(profile);
        byte[] emulated = HelloBytesTest.clientHelloRecord(ENGINE, PROFILES.get(profile));
        List<String> diff = diff(real, emulated);
        assertTrue(diff.isEmpty(), profile + " ClientHello differs from the real client's (hellos/" + profile
                + "-twin-client-hello.hex):\n  " + String.join("\n  ", diff));
    }

    /**
     * The twin as a receiver, sent the real client's ClientHello, answers as the real s_server did (its ServerHello
     * and ServerKeyExchange signature algorithm, captured in PROFILE-twin-server-hello.hex); random aside.
     */
    @ParameterizedTest(name = "{0} ServerHello equals the real server's answer")
    @MethodSource("serverCaptures")
    void serverHelloIsTheRealServers(String profile) throws Exception {
        String capture = serverCaptureOf(profile);
        String name = "/hellos/" + capture + SERVER;
        List<String> lines;
        try (InputStream in = TwinHelloBytesTest.class.getResourceAsStream(name)) {
            lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().toList();
        }
        String ske = lines.stream().filter(l -> l.startsWith("# ske_signature: ")).findFirst().orElseThrow()
                .substring("# ske_signature: ".length()).trim();
        byte[] real = HexFormat.of().parseHex(lines.stream().filter(l -> !l.startsWith("#"))
                .collect(Collectors.joining()).trim());
        // JSSE and BCJSSE receivers serve ffdhe2048 whatever group is asked for (docs/stacks.md corrections).
        String group = profile.startsWith("openssl") ? "2048" : "ffdhe2048";
        List<byte[]> flight = HelloBytesTest.serverFlight(ENGINE, PROFILES.get(profile), capture(profile), group);
        byte[] sh = flight.get(0);
        HelloMessage r = HelloMessage.decode(real, 0, real.length).orElseThrow();
        HelloMessage e = HelloMessage.decode(sh, 0, sh.length).orElseThrow();
        List<String> diff = new ArrayList<>();
        field(diff, "server_version", String.format("%04x", r.version()), String.format("%04x", e.version()));
        field(diff, "session id length", "" + r.sessionId().length, "" + e.sessionId().length);
        field(diff, "cipher suite", suites(r), suites(e));
        field(diff, "compression", r.compression().toString(), e.compression().toString());
        field(diff, "extensions, in order", names(r), names(e));
        Set<Integer> types = new LinkedHashSet<>(r.extensionTypes());
        types.addAll(e.extensionTypes());
        for (int t : types) {
            field(diff, TlsCodes.extensionName(t) + " data", data(r, t), data(e, t));
        }
        byte[] skeMsg = flight.stream().filter(m -> m[0] == 12).findFirst().orElseThrow();
        field(diff, "ServerKeyExchange signature algorithm", ske, HelloBytesTest.skeSignatureAlgorithm(skeMsg));
        assertTrue(diff.isEmpty(), profile + " ServerHello differs from the real server's (hellos/" + profile
                + "-twin-server-hello.hex):\n  " + String.join("\n  ", diff));
    }

    /** Field by field: record header, client_version, session id, suites, compression, extension order and data. */
    static List<String> diff(byte[] real, byte[] emulated) {
        List<String> diff = new ArrayList<>();
        field(diff, "record type", hex(real, 0, 1), hex(emulated, 0, 1));
        field(diff, "record version", hex(real, 1, 2), hex(emulated, 1, 2));
        HelloMessage r = HelloMessage.decode(real, 5, real.length - 5).orElseThrow();
        HelloMessage e = HelloMessage.decode(emulated, 5, emulated.length - 5).orElseThrow();
        field(diff, "client_version", String.format("%04x", r.version()), String.format("%04x", e.version()));
        field(diff, "session id", HexFormat.of().formatHex(r.sessionId()), HexFormat.of().formatHex(e.sessionId()));
        field(diff, "cipher suites", suites(r), suites(e));
        field(diff, "compression", r.compression().toString(), e.compression().toString());
        field(diff, "extensions, in order", names(r), names(e));
        Set<Integer> types = new LinkedHashSet<>(r.extensionTypes());
        types.addAll(e.extensionTypes());
        for (int t : types) {
            field(diff, TlsCodes.extensionName(t) + " data", data(r, t), data(e, t));
        }
        return diff;
    }

    static byte[] capture(String profile) throws IOException {
        String name = "/hellos/" + profile + CLIENT;
        try (InputStream in = TwinHelloBytesTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("no capture " + name);
            }
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).collect(Collectors.joining()).trim();
            return HexFormat.of().parseHex(hex);
        }
    }

    private static String suites(HelloMessage h) {
        return h.cipherSuites().stream().map(c -> String.format("%04x", c)).collect(Collectors.joining(" "));
    }

    private static String names(HelloMessage h) {
        return h.extensionTypes().stream().map(t -> TlsCodes.extensionName(t) + "(" + t + ")")
                .collect(Collectors.joining(" "));
    }

    private static String data(HelloMessage h, int type) {
        return h.extension(type).map(HelloMessage.Extension::hex).orElse("(absent)");
    }

    private static void field(List<String> diff, String field, String expected, String got) {
        if (!expected.equals(got)) {
            diff.add(field + ": expected " + (expected.isEmpty() ? "(empty)" : expected) + ", got "
                    + (got.isEmpty() ? "(empty)" : got));
        }
    }

    private static String hex(byte[] b, int off, int len) {
        return HexFormat.of().formatHex(b, off, off + len);
    }
}
