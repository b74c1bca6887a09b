package io.handshakematrix.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The ClientHello a stack sends, as data (docs/stacks.md "On the wire"): record-layer version, cipher suites in
 * order (IANA codes, SCSV included where the stack sends it), compression methods, and the extensions in
 * order with their contents. EMS and encrypt-then-MAC are on exactly when their extension is listed.
 * {@code legacyServer}: the client connects to a server that sends no renegotiation_info
 * (OpenSSL 1.0.x SSL_OP_LEGACY_SERVER_CONNECT, on by default).
 * {@code tls13OnlyGroups}: supported_groups entries the stack offers only in a TLS 1.3-capable hello (OpenSSL 3.0's
 * group table gives the RFC 7919 FFDHE groups a minimum of TLS 1.3), left out of a TLS 1.2-only hello
 * ({@link #forTls12}).
 */
public record ClientHelloProfile(int recordVersion, List<Integer> cipherSuites, List<Integer> compression,
                                 List<HelloExtension> extensions, boolean legacyServer, String source,
                                 List<Integer> tls13OnlyGroups) {

    public ClientHelloProfile(int recordVersion, List<Integer> cipherSuites, List<Integer> compression,
                              List<HelloExtension> extensions, boolean legacyServer, String source) {
        this(recordVersion, cipherSuites, compression, extensions, legacyServer, source, List.of());
    }

    /** The hello of a client that offers no TLS 1.3 (s_client -max_protocol TLSv1.2): without the TLS 1.3-only groups. */
    public ClientHelloProfile forTls12() {
        if (tls13OnlyGroups.isEmpty() || !has(SUPPORTED_GROUPS)) {
            return this;
        }
        List<Integer> kept = groups().stream().filter(g -> !tls13OnlyGroups.contains(g)).toList();
        byte[] data = new byte[2 + 2 * kept.size()];
        data[0] = (byte) (kept.size() * 2 >> 8);
        data[1] = (byte) (kept.size() * 2);
        for (int i = 0; i < kept.size(); i++) {
            data[2 + 2 * i] = (byte) (kept.get(i) >> 8);
            data[3 + 2 * i] = (byte) (int) kept.get(i);
        }
        List<HelloExtension> out = extensions.stream()
                .map(e -> e.type() == SUPPORTED_GROUPS ? new HelloExtension(e.type(), data) : e).toList();
        return new ClientHelloProfile(recordVersion, cipherSuites, compression, out, legacyServer, source, tls13OnlyGroups);
    }

    public static final int EC_POINT_FORMATS = 0x000B;
    public static final int SUPPORTED_GROUPS = 0x000A;
    public static final int SIGNATURE_ALGORITHMS = 0x000D;
    public static final int HEARTBEAT = 0x000F;
    public static final int SESSION_TICKET = 0x0023;
    public static final int EXTENDED_MASTER_SECRET = 0x0017;
    public static final int ENCRYPT_THEN_MAC = 0x0016;
    public static final int RENEGOTIATION_INFO = 0xFF01;

    public Optional<HelloExtension> extension(int type) {
        return extensions.stream().filter(e -> e.type() == type).findFirst();
    }

    public boolean has(int type) {
        return extension(type).isPresent();
    }

    public List<Integer> extensionOrder() {
        return extensions.stream().map(HelloExtension::type).toList();
    }

    /** The named groups of the supported_groups (elliptic_curves) extension, in order; empty if absent. */
    public List<Integer> groups() {
        return extension(SUPPORTED_GROUPS).map(e -> u16List(e.data(), 2)).orElse(List.of());
    }

    /** The signature_algorithms entries (hash << 8 | signature), in order; empty if absent. */
    public List<Integer> signatureAlgorithms() {
        return extension(SIGNATURE_ALGORITHMS).map(e -> u16List(e.data(), 2)).orElse(List.of());
    }

    static List<Integer> u16List(byte[] d, int from) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i + 1 < d.length; i += 2) {
            out.add(((d[i] & 0xFF) << 8) | (d[i + 1] & 0xFF));
        }
        return List.copyOf(out);
    }
}
