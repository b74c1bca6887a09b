package io.handshakematrix.profile;

/** The DH parameter checks a TLS client may run on a ServerKeyExchange; profiles list them in run order. */
public enum CheckKind {
    /** Ys != 0 (OpenSSL 1.0.2 while parsing). */
    YS_NONZERO("ys_nonzero", "the server's DH public value Ys is 0"),
    /** p is odd. */
    P_ODD("p_odd", "the DH prime p is even"),
    /** g > 1: catches g = 0 and g = 1. */
    G_ABOVE_1("g_above_1", "the DH generator g is 0 or 1"),
    /** g < p - 1: catches g = p - 1 and larger. */
    G_BELOW_P_MINUS_1("g_below_p_minus_1", "the DH generator g is p-1 or larger"),
    /** 1 < g < p - 1 as one check (OpenSSL 1.1.1/3.0 "bad dh value"). */
    G_IN_RANGE("g_in_range", "the DH generator g is not in 1 < g < p-1 (g = 1 or p-1)"),
    /** p has at least the profile's minimum bits (or the MinimumDHBits override). */
    MIN_BITS("min_bits", "the DH group is smaller than the client's minimum"),
    /**
     * p has at least {@code bits}, whatever the client's minimum: OpenSSL 3.0's DH_check_params_ex
     * (DH_MIN_MODULUS_BITS 512, "modulus too small"), which runs before the security-level size check.
     */
    MIN_MODULUS_BITS("min_modulus_bits", "the DH prime is under the library's absolute floor"),
    /** p has at most {@code max_bits}. */
    MAX_BITS("max_bits", "the DH group is larger than the client's maximum"),
    /** 1 < Ys < p - 1 (DH_check_pub_key when the key is computed). */
    YS_IN_RANGE("ys_in_range", "the server's DH public value Ys is not in 1 < Ys < p-1"),
    /**
     * (p, g) is a FIPS-approved named group (RFC 3526 14-18, RFC 7919): a FIPS-mode RHEL 8+ client's DH parameter
     * check. Kept only under a crypto policy with named groups only (FIPS), see PolicyCompiler.
     */
    NAMED_GROUP("named_group", "the DH group is not a FIPS-approved named group (RFC 3526 / RFC 7919, 2048-8192 bits)"),
    /**
     * The TLS 1.2 ServerKeyExchange is not signed with SHA-1 (tls12_check_peer_sigalg): runs after the DH checks, on
     * DHE and ECDHE alike. Kept only under a crypto policy that refuses SHA-1 signatures, see PolicyCompiler.
     */
    SHA1_SIGNATURE("sha1_signature", "the ServerKeyExchange is signed with SHA-1, which the crypto policy refuses");

    private final String yamlName;
    private final String meaning;

    CheckKind(String yamlName, String meaning) {
        this.yamlName = yamlName;
        this.meaning = meaning;
    }

    /** What the check found wrong, in a support engineer's words ("the DH generator g is 0 or 1"). */
    public String meaning() { return meaning; }

    public String yamlName() { return yamlName; }
}
