package io.handshakematrix.plan;

/** A secure link of the fleet: {@code sender} connects (TLS client) to {@code receiver} (TLS server). */
public record Link(String sender, String receiver, int line) {

    /** "sender-a1 -> recv-b1" */
    public String name() {
        return sender + " -> " + receiver;
    }
}
