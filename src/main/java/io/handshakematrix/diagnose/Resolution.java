package io.handshakematrix.diagnose;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import java.util.List;
import java.util.Optional;

/** The changes tried on a failing cell, each verified by a real handshake, in the order they were tried. */
public record Resolution(Cell cell, HandshakeResult before, List<FixAttempt> attempts) {

    /** The changes that made the handshake pass. */
    public List<FixAttempt> fixes() {
        return attempts.stream().filter(FixAttempt::works).toList();
    }

    /** The first working change: the smallest in the finder's order (receiver setting, then DH size, then sender). */
    public Optional<FixAttempt> first() {
        return attempts.stream().filter(FixAttempt::works).findFirst();
    }
}
