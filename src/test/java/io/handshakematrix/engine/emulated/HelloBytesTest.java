package io.handshakematrix.engine.emulated;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.wire.HelloMessage;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Byte checks: the hellos the emulated RHEL stacks put on the socket, decoded field by field and compared
 * with docs/stacks.md "On the wire" (the real builds' -msg captures); random and keys aside. The expected values
 * are written here from docs/stacks.md, not read from the profiles, so a profile typo fails. A failure lists
 * each field as "field: expected X, got Y".
 */
class HelloBytesTest {
    private static final EmulatedEngine ENGINE = new EmulatedEngine();
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String SUITES_610 = RealHellos.SUITES_610;
    private static final String SUITES_77 = RealHellos.SUITES_77;
    private static final String SIGALGS = RealHellos.SIGALGS;
    private static final String CURVES_610 = RealHellos.CURVES_610;
    private static final String CURVES_77 = RealHellos.CURVES_77;
    // docs/stacks.md FIPS mode: "FIPS suites only (AES, 3DES stay; RC4, Camellia, SEED, IDEA go)" (from code).
    private static final List<String> NON_FIPS = List.of("0088", "0087", "0086", "0085", "0084", "0045", "0044", "0043",
            "0042", "0041", "009a", "0099", "0098", "0097", "0096", "0007", "c011", "c007", "c00c", "c002", "0005", "0004");

    @AfterAll
    static void close() {
        ENGINE.close();
    }

    record Expected(String profile, String suites, String curves) {
        @Override
        public String toString() {
            return profile;
        }
    }

    static Stream<Expected> rhel() {
        return Stream.of(new Expected("rhel-6.10", SUITES_610, CURVES_610),
                new Expected("rhel-7.7", SUITES_77, CURVES_77),
                new Expected("rhel-6.10-fips", fips(SUITES_610), CURVES_610),
                new Expected("rhel-7.7-fips", fips(SUITES_77), CURVES_77),
                new Expected("rhel-6-pre-logjam", SUITES_610, CURVES_610));
    }

    private static String fips(String suites) {
        return Arrays.stream(suites.split(" ")).filter(s -> !NON_FIPS.contains(s)).collect(Collectors.joining(" "));
    }

    @ParameterizedTest(name = "{0} ClientHello equals docs/stacks.md")
    @MethodSource("rhel")
    void clientHelloIsTheRealBuilds(Expected e) throws Exception {
        byte[] record = clientHelloRecord(PROFILES.get(e.profile()));
        List<String> diff = new ArrayList<>();
        field(diff, "record type", "16", hex(record, 0, 1));
        field(diff, "record version", "0301", hex(record, 1, 2));
        HelloMessage h = HelloMessage.decode(record, 5, record.length - 5).orElseThrow();
        field(diff, "client_version", "0303", String.format("%04x", h.version()));
        field(diff, "session id", "", HexFormat.of().formatHex(h.sessionId()));
        field(diff, "cipher suites", e.suites(), h.cipherSuites().stream().map(c -> String.format("%04x", c))
                .collect(Collectors.joining(" ")));
        field(diff, "compression", "[0]", h.compression().toString());
        field(diff, "extensions, in order", "ec_point_formats(11) elliptic_curves(10) session_ticket(35) "
                + "signature_algorithms(13) heartbeat(15)", names(h));
        ext(diff, h, 11, "03000102");
        ext(diff, h, 10, e.curves());
        ext(diff, h, 35, "");
        ext(diff, h, 13, SIGALGS);
        ext(diff, h, 15, "01");
        assertTrue(diff.isEmpty(), e.profile() + " ClientHello differs from docs/stacks.md:\n  " + String.join("\n  ", diff));
    }

    static Stream<String> rhelReceivers() {
        return rhel().map(Expected::profile);
    }

    /** docs/stacks.md: to a 1.0.x client, renegotiation_info (00), SessionTicket (empty), heartbeat (01); SKE signed 0601. */
    @ParameterizedTest(name = "{0} ServerHello to a RHEL 7.7 ClientHello")
    @MethodSource("rhelReceivers")
    void serverHelloToA10xClient(String receiver) throws Exception {
        byte[] hello = clientHelloRecord(PROFILES.get("rhel-7.7"));
        checkServerAnswer(receiver, hello, "renegotiation_info(65281) session_ticket(35) heartbeat(15)", "0601");
    }

    /** docs/stacks.md: to an OpenSSL 3.0 client (EMS, EtM, no heartbeat): renegotiation_info and SessionTicket only; 0401. */
    @ParameterizedTest(name = "{0} ServerHello to an OpenSSL 3.0 ClientHello")
    @MethodSource("rhelReceivers")
    void serverHelloToAnOpenssl30Client(String receiver) throws Exception {
        checkServerAnswer(receiver, openssl30ClientHello(), "renegotiation_info(65281) session_ticket(35)", "0401");
    }

    private static void checkServerAnswer(String receiver, byte[] clientHello, String extensions, String skeSigAlg)
            throws Exception {
        List<byte[]> messages = serverFlight(PROFILES.get(receiver), clientHello);
        byte[] sh = messages.get(0);
        HelloMessage h = HelloMessage.decode(sh, 0, sh.length).orElseThrow();
        List<String> diff = new ArrayList<>();
        field(diff, "server_version", "0303", String.format("%04x", h.version()));
        field(diff, "session id (a ticket will be issued)", "", HexFormat.of().formatHex(h.sessionId()));
        field(diff, "cipher suite (the receiver's setting)", "0039", String.format("%04x", h.cipherSuites().get(0)));
        field(diff, "compression", "[0]", h.compression().toString());
        field(diff, "extensions, in order", extensions, names(h));
        ext(diff, h, 0xff01, "00");
        ext(diff, h, 35, "");
        if (extensions.contains("heartbeat")) {
            ext(diff, h, 15, "01");
        }
        byte[] ske = messages.stream().filter(m -> m[0] == 12).findFirst().orElseThrow();
        field(diff, "ServerKeyExchange signature algorithm", skeSigAlg, skeSignatureAlgorithm(ske));
        assertTrue(diff.isEmpty(), receiver + " ServerHello differs from docs/stacks.md:\n  " + String.join("\n  ", diff));
    }

    /** The two bytes after dh_p, dh_g, dh_Ys (RFC 5246 7.4.3, TLS 1.2: SignatureAndHashAlgorithm). */
    static String skeSignatureAlgorithm(byte[] ske) {
        int p = 4;
        for (int i = 0; i < 3; i++) {
            p += 2 + (((ske[p] & 0xFF) << 8) | (ske[p + 1] & 0xFF));
        }
        return hex(ske, p, 2);
    }

    /** The emulated sender's first record, as a TCP listener on 127.0.0.1 receives it. */
    static byte[] clientHelloRecord(StackProfile profile) throws Exception {
        return clientHelloRecord(ENGINE, profile);
    }

    static byte[] clientHelloRecord(EmulatedEngine engine, StackProfile profile) throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> {
                try (Socket s = ss.accept()) {
                    s.setSoTimeout((int) TIMEOUT.toMillis());
                    return readRecord(s.getInputStream());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            engine.connectTo(new SenderSpec(profile, "TLSv1.2", 0, TIMEOUT),
                    (InetSocketAddress) ss.getLocalSocketAddress(), false, false);
            return got.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** Replays {@code clientHello} to an emulated receiver and returns its handshake messages up to ServerHelloDone. */
    private static List<byte[]> serverFlight(StackProfile profile, byte[] clientHello) throws Exception {
        return serverFlight(ENGINE, profile, clientHello, List.of("DHE-RSA-AES256-SHA"), "1024");
    }

    /** The same for a twin, serving its own suites (a DHE-RSA-first list) with {@code group}. */
    static List<byte[]> serverFlight(EmulatedEngine engine, StackProfile profile, byte[] clientHello, String group)
            throws Exception {
        return serverFlight(engine, profile, clientHello, profile.cipherSuites(), group);
    }

    private static List<byte[]> serverFlight(EmulatedEngine engine, StackProfile profile, byte[] clientHello,
                                             List<String> suites, String group) throws Exception {
        ReceiverSpec spec = new ReceiverSpec(profile, suites, DhGroupCatalog.builtin().resolve(group, null), TIMEOUT);
        try (RunningReceiver r = engine.serve(spec); Socket s = new Socket()) {
            s.connect(r.address(), (int) TIMEOUT.toMillis());
            s.setSoTimeout((int) TIMEOUT.toMillis());
            s.getOutputStream().write(clientHello);
            s.getOutputStream().flush();
            ByteArrayOutputStream handshake = new ByteArrayOutputStream();
            List<byte[]> messages = new ArrayList<>();
            while (messages.isEmpty() || messages.get(messages.size() - 1)[0] != 14) {
                byte[] rec = readRecord(s.getInputStream());
                if (rec[0] != 22) {
                    throw new AssertionError(profile.id() + " answered with record type " + rec[0] + ", not a handshake");
                }
                handshake.write(rec, 5, rec.length - 5);
                messages = RealHellos.messages(handshake.toByteArray());
            }
            return messages;
        }
    }

    static byte[] readRecord(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        byte[] header = new byte[5];
        d.readFully(header);
        int len = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        byte[] rec = Arrays.copyOf(header, 5 + len);
        d.readFully(rec, 5, len);
        return rec;
    }

    static byte[] openssl30ClientHello() throws IOException {
        try (InputStream in = HelloBytesTest.class.getResourceAsStream("/hellos/openssl-3.0-client-hello.hex")) {
            String hex = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).collect(Collectors.joining()).trim();
            return HexFormat.of().parseHex(hex);
        }
    }

    private static String names(HelloMessage h) {
        return h.extensionTypes().stream().map(t -> io.handshakematrix.profile.TlsCodes.extensionName(t) + "(" + t + ")")
                .collect(Collectors.joining(" "));
    }

    private static void ext(List<String> diff, HelloMessage h, int type, String expectedHex) {
        field(diff, io.handshakematrix.profile.TlsCodes.extensionName(type) + " data", expectedHex,
                h.extension(type).map(HelloMessage.Extension::hex).orElse("(absent)"));
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
