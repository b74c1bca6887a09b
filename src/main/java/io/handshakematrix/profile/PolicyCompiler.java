package io.handshakematrix.profile;

import io.handshakematrix.model.CipherSuites;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * A stack profile under a crypto policy: the profile as the host runs once {@code update-crypto-policies --set X}
 * has written its OpenSSL back-end. The profile keeps its checks and their order (the build's code: DH parameter
 * check, then the size, then the signature, docs/stacks.md); the policy sets what those checks compare against
 * and what the stack offers: the protocol range (TLS.MinProtocol/MaxProtocol), the key exchanges (kRSA, kEDH,
 * kEECDH in the CipherString), the DH minimum (the security level's), SHA-1 in signature_algorithms, and the
 * smallest group the server loads.
 */
public final class PolicyCompiler {
    /** signature_algorithms entries with SHA-1 (RFC 5246 7.4.1.4.1: hash 2): rsa, dsa, ecdsa. */
    private static final List<Integer> SHA1_SIGALGS = List.of(0x0201, 0x0202, 0x0203);

    private PolicyCompiler() {}

    public static StackProfile compile(StackProfile p, CryptoPolicy policy) {
        String why = "crypto policy " + policy.release() + " " + policy.name() + " (" + policy.origin() + ")";
        ClientPolicy c = p.client();
        ClientPolicy client = new ClientPolicy(policy.minDhBits(), why + ": min DH " + policy.minDhBits(), null,
                c.checks().stream().filter(k -> applies(k.kind(), policy)).toList(), c.log());
        ServerPolicy s = p.server();
        List<ServerDhRule> rules = s.unusableDh().stream()
                .filter(r -> r.when() != ServerDhRule.Condition.NOT_NAMED_GROUP || policy.namedGroupsOnly())
                .map(r -> r.bits() == ServerDhRule.POLICY_MIN_DH
                ? new ServerDhRule(r.when(), policy.minDhBits(), r.action(), r.alert(), r.errorLines(), r.source() + "; " + why)
                : r).toList();
        List<ServerCertificateRule> certificate = s.unusableCertificate().stream()
                .map(r -> r.bits() == ServerCertificateRule.POLICY_MIN_RSA
                ? new ServerCertificateRule(policy.minRsaBits(), r.errorLines(), r.source() + "; " + why + ": min RSA "
                        + policy.minRsaBits()) : r).toList();
        ServerPolicy server = new ServerPolicy(s.defaultDhGroup(), s.defaultDhGroupSource(), rules, s.log(),
                s.dhConfigurable(), s.dheNeedsFfdheGroup(), certificate);
        List<String> protocols = p.protocols().stream().filter(policy::allowsProtocol).toList();
        List<String> suites = p.cipherSuites().stream().filter(n -> allowed(policy, n)).toList();
        return new StackProfile(p.id(), p.description() + " under " + policy.name(), p.library(), p.versionString(),
                p.source(), p.fips(), protocols, suites, client, server, p.origin(), p.jvm(),
                p.clientHello() == null ? null : hello(p.clientHello(), policy), p.serverHello(), p.policyRelease(),
                policy);
    }

    /**
     * Whether a profile check runs under the policy: the named-group check only where the policy allows named groups
     * only (FIPS), the SHA-1 signature check only where the policy refuses SHA-1 signatures; the others always.
     */
    static boolean applies(CheckKind kind, CryptoPolicy policy) {
        return switch (kind) {
            case NAMED_GROUP -> policy.namedGroupsOnly();
            case SHA1_SIGNATURE -> !policy.sha1Signatures();
            default -> true;
        };
    }

    /** Whether the policy's CipherString keeps a suite: by its key exchange (names the table lacks stay). */
    static boolean allowed(CryptoPolicy policy, String opensslName) {
        if (opensslName.startsWith("TLS_")) {
            return policy.tls13Suites().contains(opensslName); // Ciphersuites =, apart from the TLS 1.2 CipherString
        }
        CryptoPolicy.KeyExchange kx = CipherSuites.isDhe(opensslName) ? CryptoPolicy.KeyExchange.DHE
                : CipherSuites.isEcdhe(opensslName) ? CryptoPolicy.KeyExchange.ECDHE
                : isPlainRsa(opensslName) ? CryptoPolicy.KeyExchange.RSA : null;
        return (kx == null || policy.keyExchanges().contains(kx)) && (policy.cbc() || !isCbc(opensslName));
    }

    /** A TLS 1.2 CBC-mode suite: HMAC-SHA* without an AEAD (GCM, CCM, ChaCha20-Poly1305) and not RC4. */
    private static boolean isCbc(String n) {
        return n.matches(".*-SHA(256|384)?") && !n.contains("GCM") && !n.contains("RC4");
    }

    /** kRSA: the suites OpenSSL names without a key-exchange prefix (AES256-SHA, DES-CBC3-SHA, RC4-MD5). */
    private static boolean isPlainRsa(String n) {
        return !n.contains("DH") && !n.contains("PSK") && !n.contains("SRP") && !n.startsWith("TLS_");
    }

    private static ClientHelloProfile hello(ClientHelloProfile h, CryptoPolicy policy) {
        // The renegotiation SCSV (RFC 5746) is no suite a policy turns off: its name starts TLS_ like a TLS 1.3
        // suite's, yet the real hello keeps it under every policy (docs/stacks.md 'Policy twins').
        List<Integer> suites = h.cipherSuites().stream()
                .filter(code -> code == CipherSuites.RENEGOTIATION_SCSV
                        || CipherSuites.name(code).map(n -> allowed(policy, n)).orElse(true)).toList();
        List<HelloExtension> extensions = h.extensions().stream()
                .map(e -> e.type() == ClientHelloProfile.SIGNATURE_ALGORITHMS && !policy.sha1Signatures()
                        ? withoutSha1(e) : e).toList();
        return new ClientHelloProfile(h.recordVersion(), suites, h.compression(), extensions, h.legacyServer(),
                h.source() + "; " + policy.name() + " applied", h.tls13OnlyGroups());
    }

    private static HelloExtension withoutSha1(HelloExtension e) {
        List<Integer> kept = ClientHelloProfile.u16List(e.data(), 2).stream()
                .filter(a -> !SHA1_SIGALGS.contains(a)).toList();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int len = kept.size() * 2;
        out.write(len >> 8);
        out.write(len);
        kept.forEach(a -> {
            out.write(a >> 8);
            out.write(a);
        });
        return new HelloExtension(e.type(), out.toByteArray());
    }

    /**
     * A stack with policies as a host runs it after installation (DEFAULT, the shipped level), so that a reader of
     * bare profiles (dh inspect) sees no check that only another level turns on (FIPS's named groups); a stack
     * without policies, or of a release the shipped policies lack, as it is.
     */
    public static StackProfile asInstalled(StackProfile p) {
        return policyOf(p, CryptoPolicies.NEUTRAL, CryptoPolicies.shipped()).map(policy -> compile(p, policy)).orElse(p);
    }

    /** The policy a stack runs under for {@code setting}, or empty for a stack without policies. */
    public static Optional<CryptoPolicy> policyOf(StackProfile p, String setting, CryptoPolicies policies) {
        if (p.policyRelease() == null) {
            return Optional.empty();
        }
        return policies.resolve(p.policyRelease(), setting).policy();
    }
}
