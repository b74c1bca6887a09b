package io.handshakematrix.profile;

import java.util.List;
import java.util.Set;

/**
 * One RHEL system-wide crypto policy level (update-crypto-policies --set LEVEL[:MODULE...]) as the OpenSSL
 * back-end applies it: {@code /etc/crypto-policies/back-ends/opensslcnf.config}. Facts with their source in
 * {@code policies/<release>/<LEVEL>.yaml}; {@code name} is the full setting, modules included (DEFAULT:SHA1).
 * {@code cbc}: whether CBC-mode TLS 1.2 suites stay (FUTURE drops them: "-AES-CBC" in the generator's cipher list).
 * {@code namedGroupsOnly}: FIPS accepts only the RFC 7919 / RFC 3526 groups of 2048-8192 bits (docs/stacks.md).
 */
public record CryptoPolicy(String release, String name, String source, int secLevel, int minDhBits, int minRsaBits,
                           String minProtocol, String maxProtocol, Set<KeyExchange> keyExchanges, boolean cbc,
                           boolean sha1Signatures, boolean namedGroupsOnly, List<String> groups,
                           List<String> tls13Suites, String origin) {

    /** The TLS 1.2 key exchanges crypto-policies turns on and off (kRSA, kEDH, kEECDH in the CipherString). */
    public enum KeyExchange { RSA, DHE, ECDHE }

    /** Protocol names from oldest to newest, as profiles and matrices spell them. */
    public static final List<String> PROTOCOL_ORDER = List.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");

    public boolean allowsProtocol(String protocol) {
        int i = PROTOCOL_ORDER.indexOf(protocol);
        return i >= PROTOCOL_ORDER.indexOf(minProtocol) && i <= PROTOCOL_ORDER.indexOf(maxProtocol);
    }

    /** This level with a module applied (DEFAULT + SHA1 = DEFAULT:SHA1). */
    CryptoPolicy with(PolicyModule m) {
        return new CryptoPolicy(release, name + ":" + m.name(), source + "; " + m.name() + ": " + m.source(), secLevel,
                minDhBits, minRsaBits, minProtocol, maxProtocol, keyExchanges, cbc,
                m.sha1Signatures() == null ? sha1Signatures : m.sha1Signatures(), namedGroupsOnly, groups,
                tls13Suites, origin);
    }
}
