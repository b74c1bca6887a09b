package io.handshakematrix.profile;

import java.util.List;

/**
 * What a server does with DH parameters it cannot use, e.g. RHEL 6.10 drops DHE for an even p while
 * RHEL 7.7 fails building the ServerKeyExchange and closes without an alert.
 */
public record ServerDhRule(Condition when, int bits, Action action, Integer alert, List<String> errorLines,
                           String source) {

    /** {@code bits: policy}: the crypto policy's minimum DH size, filled in by {@link PolicyCompiler}. */
    public static final int POLICY_MIN_DH = -1;

    /** Whether this rule's condition holds for the group (p, g). */
    public boolean appliesTo(java.math.BigInteger p, java.math.BigInteger g) {
        return switch (when) {
            case P_EVEN -> !p.testBit(0);
            case P_BITS_BELOW -> bits != POLICY_MIN_DH && p.bitLength() < bits;
            case NOT_NAMED_GROUP -> !FipsDhGroups.approved(p, g);
        };
    }

    /**
     * {@code not_named_group}: a group outside the FIPS-approved named groups ({@link FipsDhGroups}); kept only
     * under a crypto policy with named groups only (FIPS), see {@link PolicyCompiler}.
     */
    public enum Condition {
        P_EVEN("p_even"), P_BITS_BELOW("p_bits_below"), NOT_NAMED_GROUP("not_named_group");

        private final String yamlName;

        Condition(String yamlName) { this.yamlName = yamlName; }

        public String yamlName() { return yamlName; }
    }

    public enum Action {
        /** Do not offer DHE suites at all (the handshake may then fail with no shared cipher). */
        DROP_DHE("drop_dhe"),
        /** Fail while building the ServerKeyExchange and close without an alert. */
        CLOSE_NO_ALERT("close_no_alert"),
        /** Fail while building the ServerKeyExchange and send {@code alert}. */
        SEND_ALERT("send_alert"),
        /**
         * Refuse the group when the application loads it, before listening (OpenSSL 1.1.1+ SSL_CTX_set_tmp_dh under
         * the security level): the receiver's process dies, its load line is its error, no client is answered.
         */
        REFUSE_TO_LOAD("refuse_to_load"),
        /**
         * Serve the FIPS-approved named group of the same size instead (RFC 3526, {@link FipsDhGroups#sameSize}):
         * RHEL 8 in FIPS mode ignores an application's own group (Red Hat's RHEL 8.3 release notes: "OpenSSL in
         * FIPS mode accepts only specific D-H parameters").
         */
        USE_NAMED_GROUP("use_named_group");

        private final String yamlName;

        Action(String yamlName) { this.yamlName = yamlName; }

        public String yamlName() { return yamlName; }
    }
}
