package io.handshakematrix.model;

/** A TLS alert on the wire: RFC 5246 number and name, and the side that sent it. */
public record Alert(int code, String name, Side sentBy) {
    @Override
    public String toString() {
        return name + " (" + code + ") from " + sentBy.label();
    }
}
