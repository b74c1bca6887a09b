package io.handshakematrix.profile;

import java.util.List;

/**
 * A crypto stack as data: one YAML file per stack (src/main/resources/profiles, or a user directory).
 * Protocols are JSSE-style names (TLSv1.2), cipher suites OpenSSL names, in the stack's preference order.
 * {@code clientHello} / {@code serverHello}: the bytes the real stack puts on the wire and how it answers a
 * ClientHello (null: the emulation's BouncyCastle defaults, for stacks whose hello is not captured yet).
 * {@code policyRelease}: the release whose crypto policies the stack runs under (rhel-9), null for a stack
 * without them (RHEL 6/7, the JDKs); see {@link PolicyCompiler}. {@code policy}: the policy this profile was compiled
 * under (null for a bare profile), so that an engine running a real stack can give it the same policy.
 */
public record StackProfile(String id, String description, String library, String versionString, String source,
                           boolean fips, List<String> protocols, List<String> cipherSuites, ClientPolicy client,
                           ServerPolicy server, String origin, JvmLaunch jvm,
                           ClientHelloProfile clientHello, ServerHelloProfile serverHello, String policyRelease,
                           CryptoPolicy policy) {

    /** A bare profile: not compiled under a policy. */
    public StackProfile(String id, String description, String library, String versionString, String source,
                        boolean fips, List<String> protocols, List<String> cipherSuites, ClientPolicy client,
                        ServerPolicy server, String origin, JvmLaunch jvm, ClientHelloProfile clientHello,
                        ServerHelloProfile serverHello, String policyRelease) {
        this(id, description, library, versionString, source, fips, protocols, cipherSuites, client, server, origin,
                jvm, clientHello, serverHello, policyRelease, null);
    }

    /** Whether this stack runs under a system-wide crypto policy ({@code policies:} names its release). */
    public boolean hasPolicies() {
        return policyRelease != null;
    }

    /** {@code default}: the stack's own range, which every stack has. */
    public boolean supportsProtocol(String protocol) {
        return protocol.equals("default") || protocols.contains(protocol);
    }

    /**
     * The suites this stack serves when its settings say DEFAULT, in its own order: the captured ClientHello's
     * suites (its DEFAULT list, SCSV aside) where there is one, else {@code cipher_suites}. Names the table lacks
     * are left out: a receiver cannot be configured with a suite nobody can name.
     */
    public List<String> defaultSuites() {
        if (clientHello == null) {
            return cipherSuites;
        }
        return clientHello.cipherSuites().stream().filter(c -> c != io.handshakematrix.model.CipherSuites.RENEGOTIATION_SCSV)
                .map(io.handshakematrix.model.CipherSuites::name).flatMap(java.util.Optional::stream).toList();
    }

    /** Whether this stack can enable {@code suite} at all (its DEFAULT list or its {@code cipher_suites}). */
    public boolean allowsSuite(String suite) {
        return cipherSuites.contains(suite) || defaultSuites().contains(suite);
    }
}
