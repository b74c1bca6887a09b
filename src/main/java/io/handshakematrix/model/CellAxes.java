package io.handshakematrix.model;

/**
 * The support view's (diagnose fixes, explain, KB) one window onto a cell's axes: every read and every
 * "the same cell with one setting changed" goes through here, so a change of Cell's shape is made in one place.
 */
public final class CellAxes {
    private CellAxes() {}

    public static String sender(Cell c) { return c.sender(); }

    public static String receiver(Cell c) { return c.receiver(); }

    public static String receiveSide(Cell c) { return c.receiveSide(); }

    public static String dhGroup(Cell c) { return c.dhGroup(); }

    public static String protocol(Cell c) { return c.protocol(); }

    /** The sender's MinimumDHBits override, 0 for none. */
    public static int senderMinDhBits(Cell c) { return c.senderMinDhBits(); }

    /**
     * The cell's axes beyond the four, in words ("certificate ecdsa-p256, receiver suites default"); empty for a
     * cell of the product's own setup. Cells compare (rows, fixes, peers) only with cells of the same variant.
     */
    public static String variant(Cell c) {
        return String.join(", ", c.extras().entrySet().stream()
                .map(e -> e.getKey().replace('_', ' ') + " " + e.getValue()).toList());
    }

    /** Whether two cells have the same axes beyond the four (at non-neutral values). */
    public static boolean sameVariant(Cell a, Cell b) {
        return a.extras().equals(b.extras());
    }

    /** A cell by its axes, without a sender override. */
    public static Cell of(String sender, String receiver, String receiveSide, String dhGroup, String protocol) {
        return new Cell(sender, receiver, receiveSide, dhGroup, protocol, 0);
    }

    public static Cell withReceiver(Cell c, String receiveSide, String dhGroup) {
        return c.with(Cell.RECEIVE_SIDE, receiveSide).with(Cell.DH, dhGroup);
    }

    public static Cell withReceiveSide(Cell c, String receiveSide) {
        return withReceiver(c, receiveSide, c.dhGroup());
    }

    public static Cell withDhGroup(Cell c, String dhGroup) {
        return withReceiver(c, c.receiveSide(), dhGroup);
    }

    public static Cell withSenderMinDhBits(Cell c, int bits) {
        return c.with(Cell.SENDER_MIN_DH_BITS, Integer.toString(bits));
    }

    /** The same receiver and settings met by another sender, with no sender override. */
    public static Cell withSender(Cell c, String sender) {
        return new Cell(sender, c.receiver(), c.settings()).with(Cell.SENDER_MIN_DH_BITS, "0");
    }
}
