package io.handshakematrix.model;

import java.util.List;

/** A cell, what its handshake did, what the matrix expected, and the differences as sentences. */
public record CellResult(Cell cell, String engine, HandshakeResult result, String expected, Integer expectationLine,
                         List<String> differences) {

    public boolean matches() {
        return differences.isEmpty();
    }
}
