package io.handshakematrix.profile;

import java.util.List;

/**
 * How a stack answers a ClientHello, as data (docs/stacks.md "On the wire"):
 * {@code echo}: the extensions it answers when the client offered them, in its ServerHello order (others,
 * e.g. EMS and encrypt_then_mac for OpenSSL 1.0.x, are ignored); with {@code session_ticket} echoed it issues
 * a ticket and sends an empty session id, else a 32-byte one. {@code pointFormats}: its ec_point_formats data.
 * {@code clientSuiteOrder}: picks the client's first acceptable suite (OpenSSL without
 * SSL_OP_CIPHER_SERVER_PREFERENCE) rather than its own. {@code skeSignature}: how it picks the
 * ServerKeyExchange signature algorithm. {@code legacyClient}: accepts a ClientHello with neither the SCSV
 * nor renegotiation_info. {@code ecdhGroup}: the curve it uses for ECDHE when the client offers it.
 * {@code acceptRenegotiation}: a client-initiated (secure) renegotiation is carried out, not refused.
 * {@code sessionIdWithTicket}: a 32-byte session id even when a ticket will be issued (JSSE, BCJSSE), not OpenSSL's empty one.
 */
public record ServerHelloProfile(List<Integer> echo, byte[] pointFormats, boolean clientSuiteOrder,
                                 SkeSignature skeSignature, boolean legacyClient, int ecdhGroup,
                                 long ticketLifetimeHint, boolean acceptRenegotiation, boolean sessionIdWithTicket,
                                 String source) {

    public boolean echoes(int type) {
        return echo.contains(type);
    }

    public byte[] pointFormats() {
        return pointFormats.clone();
    }

    /** How the server chooses the signature algorithm of its TLS 1.2 ServerKeyExchange. */
    public enum SkeSignature {
        /** The client's first listed algorithm usable with the key (OpenSSL 1.0.x tls1_process_sigalgs). */
        CLIENT_FIRST("client_first"),
        /**
         * The same, RSA-PSS with an rsaEncryption key (rsa_pss_rsae_*, 0804-0806) counted as usable (OpenSSL 1.1.1
         * and 3.0 tls1_set_server_sigalgs): a real 3.0 client's list gives 0804 (real s_server, captured).
         */
        CLIENT_FIRST_PSS("client_first_pss"),
        /** SHA-256 with the key's algorithm if the client lists it (BouncyCastle-style default). */
        PREFER_SHA256("prefer_sha256"),
        /**
         * SHA-1 with the key's algorithm whatever the client lists: OpenSSL 1.0.2 with the application's signature
         * algorithms set to RSA+SHA1 (SSL_CTX_set1_sigalgs_list): nothing is shared with a client that does not list
         * 0201, and tls1_process_sigalgs then falls back to SHA-1 (upstream 1.0.2 ssl/t1_lib.c).
         */
        SHA1("sha1");

        private final String yamlName;

        SkeSignature(String yamlName) { this.yamlName = yamlName; }

        public String yamlName() { return yamlName; }
    }
}
