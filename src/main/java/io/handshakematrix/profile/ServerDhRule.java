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

    /** Whether this rule's condition holds for a group with prime {@code p}. */
    public boolean appliesTo(java.math.BigInteger p) {
        return switch (when) {
            case P_EVEN -> !p.testBit(0);
            case P_BITS_BELOW -> bits != POLICY_MIN_DH && p.bitLength() < bits;
        };
    }

    public enum Condition {
        P_EVEN("p_even"), P_BITS_BELOW("p_bits_below");

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
        REFUSE_TO_LOAD("refuse_to_load");

        private final String yamlName;

        Action(String yamlName) { this.yamlName = yamlName; }

        public String yamlName() { return yamlName; }
    }
}
