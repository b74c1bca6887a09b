package io.handshakematrix.plan;

import io.handshakematrix.model.Cell;

/**
 * The one place a fleet link becomes a matrix cell (so that a change of Cell's shape is one edit here):
 * the sender's stack and legacy-settings override, the receiver's stack and what its config serves.
 */
public final class LinkCells {
    private LinkCells() {}

    public static Cell cell(Host sender, Host receiver, String protocol) {
        return new Cell(sender.stack(), receiver.stack(), receiver.receiver().receiveSide(),
                receiver.receiver().dhGroup(), protocol, sender.minDhBits());
    }
}
