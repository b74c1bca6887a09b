package io.handshakematrix.model;

/**
 * One point of the matrix: a sender (TLS client) stack, a receiver (TLS server) stack and the
 * receiver's settings. {@code senderMinDhBits} is the sender's MinimumDHBits override, 0 for none.
 */
public record Cell(String sender, String receiver, String receiveSide, String dhGroup, String protocol,
                   int senderMinDhBits) {

    /** Axes first, in KB-table order; shared by display names, JSON and KB rows. */
    public String displayName() {
        String s = sender + " -> " + receiver + " | RECEIVE_SIDE=" + receiveSide + " | DH " + dhGroup
                + " | " + protocol;
        return senderMinDhBits > 0 ? s + " | MinimumDHBits " + senderMinDhBits : s;
    }

    /** A stable key for sharding, resume and baseline comparison. */
    public String key() {
        return sender + "|" + receiver + "|" + receiveSide + "|" + dhGroup + "|" + protocol + "|" + senderMinDhBits;
    }
}
