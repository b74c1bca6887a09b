package io.handshakematrix.profile;

import java.util.List;

/**
 * A receiver that refuses its own certificate when the application loads it, before listening: OpenSSL 1.1.1+
 * SSL_CTX_use_certificate under the security level (ssl_security_cert: "ee key too small"). Real upstream 1.1.1w and
 * 3.0.20 under the RHEL 8/9 FUTURE configs (SECLEVEL 3) stop at start with their RSA-2048 certificate
 * (docs/stacks.md 'Policy twins'). {@code bits}: an RSA key below it is refused; {@link #POLICY_MIN_RSA} until
 * {@link PolicyCompiler} fills in the policy's {@code min_rsa_bits}.
 */
public record ServerCertificateRule(int bits, List<String> errorLines, String source) {

    /** {@code bits: policy}: the crypto policy's min_rsa_bits, filled in by {@link PolicyCompiler}. */
    public static final int POLICY_MIN_RSA = -1;

    /** The rule's name in reports and error maps, as {@code p_bits_below} names the DH rule. */
    public static final String NAME = "rsa_bits_below";

    /** Whether an RSA key of {@code rsaBits} is refused (0: not an RSA key, never refused here). */
    public boolean refuses(int rsaBits) {
        return bits != POLICY_MIN_RSA && rsaBits > 0 && rsaBits < bits;
    }
}
