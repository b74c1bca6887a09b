package io.handshakematrix.plan;

import io.handshakematrix.config.ReceiverSetting;
import io.handshakematrix.results.FixRank;
import io.handshakematrix.results.PeerCount;

/**
 * A one-line edit of one host's file, as a candidate for the fleet-wide fix: on a receiver, a configssl.cnf
 * line (what the host then serves is {@code receiver}); on a sender, its legacy-settings override
 * ({@code minDhBits}). {@code cost} null means none. {@code peers}: which of the product's current peers
 * accepted the changed receiver in their own handshakes, counted as diagnose counts them (diagnose's reach; the fleet-wide tie-break after cost).
 */
public record HostEdit(String host, Role role, String where, String change, String cost, boolean keepsDhe,
                       ReceiverSetting receiver, int minDhBits, PeerCount peers) {

    public enum Role { SENDER, RECEIVER }

    /** Its place in the one ranking of fixes ({@link FixRank}), as diagnose ranks the attempt it came from. */
    public FixRank rank() {
        String group = receiver == null ? "" : receiver.dhGroup();
        int bits = group.matches("\\d{1,5}") ? Integer.parseInt(group) : 0;
        return new FixRank(keepsDhe, peers.accepted().size(), false, FixRank.scope(change, role == Role.SENDER), bits);
    }

    public Host apply(Host h) {
        if (!h.name().equals(host)) {
            return h;
        }
        return role == Role.RECEIVER ? h.withReceiver(receiver) : h.withMinDhBits(minDhBits);
    }

    /** Whether {@code link} goes through the file this edit changes. */
    public boolean affects(Link link) {
        return (role == Role.RECEIVER ? link.receiver() : link.sender()).equals(host);
    }

    /** "recv-b1: set [DH] DH_1024_RECEIVE_SIDE = dh1024.pem (receiver configssl.cnf)" */
    public String describe() {
        return host + ": set " + change + " (" + where + ")";
    }

    public String key() {
        return host + "|" + role + "|" + change;
    }
}
