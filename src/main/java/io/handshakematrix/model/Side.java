package io.handshakematrix.model;

/** The two ends of a file transfer: the sender is the TLS client, the receiver the TLS server. */
public enum Side {
    SENDER, RECEIVER;

    public String label() { return name().toLowerCase(); }

    public Side peer() { return this == SENDER ? RECEIVER : SENDER; }
}
