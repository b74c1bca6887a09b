package io.handshakematrix.profile;

/** The DH parameter checks a TLS client may run on a ServerKeyExchange; profiles list them in run order. */
public enum CheckKind {
    /** Ys != 0 (OpenSSL 1.0.2 while parsing). */
    YS_NONZERO("ys_nonzero"),
    /** p is odd. */
    P_ODD("p_odd"),
    /** g > 1: catches g = 0 and g = 1. */
    G_ABOVE_1("g_above_1"),
    /** g < p - 1: catches g = p - 1 and larger. */
    G_BELOW_P_MINUS_1("g_below_p_minus_1"),
    /** 1 < g < p - 1 as one check (OpenSSL 1.1.1/3.0 "bad dh value"). */
    G_IN_RANGE("g_in_range"),
    /** p has at least the profile's minimum bits (or the MinimumDHBits override). */
    MIN_BITS("min_bits"),
    /**
     * p has at least {@code bits}, whatever the client's minimum: OpenSSL 3.0's DH_check_params_ex
     * (DH_MIN_MODULUS_BITS 512, "modulus too small"), which runs before the security-level size check.
     */
    MIN_MODULUS_BITS("min_modulus_bits"),
    /** p has at most {@code max_bits}. */
    MAX_BITS("max_bits"),
    /** 1 < Ys < p - 1 (DH_check_pub_key when the key is computed). */
    YS_IN_RANGE("ys_in_range");

    private final String yamlName;

    CheckKind(String yamlName) { this.yamlName = yamlName; }

    public String yamlName() { return yamlName; }
}
