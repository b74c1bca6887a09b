package io.handshakematrix.diagnose;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.results.PeerCount;
import java.util.ArrayList;
import java.util.List;

/**
 * One configuration change tried on a failing cell: where it is made ("receiver configssl.cnf" or the
 * sender's file), the line to set, the changed cell and what its real handshake did, and, for a receiver-side
 * change that works, what the product's current peers did against the changed receiver (one handshake each).
 */
public record FixAttempt(String where, String change, Cell cell, HandshakeResult result, List<PeerCheck> peers,
                         boolean senderSide, List<String> currentPeers) {

    /** One current peer (as sender) against the changed receiver. */
    public record PeerCheck(String peer, HandshakeResult result) {
        public boolean accepts() { return result.outcome() == Outcome.OK; }

        /** A skipped or broken handshake says nothing about the fix. */
        public boolean counts() { return result.outcome() == Outcome.OK || result.outcome() == Outcome.FAIL; }
    }

    public FixAttempt {
        peers = List.copyOf(peers);
        currentPeers = List.copyOf(currentPeers);
    }

    /**
     * The product's current peers that accept the changed receiver, counted as explain and the KB count them
     * ({@link PeerCount}): the changed cell's own sender and each peer run against it.
     */
    public PeerCount peerCount() {
        java.util.Map<String, io.handshakematrix.model.Outcome> outcomes = new java.util.LinkedHashMap<>();
        outcomes.put(io.handshakematrix.model.CellAxes.sender(cell), result.outcome());
        peers.forEach(p -> outcomes.put(p.peer(), p.result().outcome()));
        return PeerCount.of(outcomes, currentPeers);
    }

    /** Its place in the one ranking of fixes. */
    public io.handshakematrix.results.FixRank rank() {
        return new io.handshakematrix.results.FixRank(keepsDhe(), peerCount().accepted().size(), false,
                io.handshakematrix.results.FixRank.scope(change, senderSide), dhBits());
    }

    public boolean works() {
        return result.outcome() == Outcome.OK;
    }

    /** Still ephemeral DH after the change, so still forward secret. */
    public boolean keepsDhe() {
        return works() && result.cipher() != null && CipherSuites.isDhe(result.cipher());
    }

    public List<PeerCheck> accepted() {
        return peers.stream().filter(PeerCheck::accepts).toList();
    }

    public List<PeerCheck> refused() {
        return peers.stream().filter(p -> p.counts() && !p.accepts()).toList();
    }

    public long counted() {
        return peers.stream().filter(PeerCheck::counts).count();
    }

    /** What taking this fix costs, each a fact this very diagnosis measured or a property of the key exchange. */
    public List<String> costs() {
        List<String> out = new ArrayList<>();
        if (works() && !keepsDhe()) {
            out.add("RSA key exchange: no forward secrecy (whoever later obtains the receiver's RSA private key can "
                    + "decrypt every recorded session), and it fails wherever one side has no RSA key exchange");
        }
        if (!refused().isEmpty()) {
            out.add("refused by " + String.join("; ", refused().stream().map(p -> p.peer() + " ("
                    + p.result().summary() + ")").toList()));
        }
        if (works() && senderSide) {
            out.add("changed on the sender: it then accepts that group from every server it talks to");
        }
        return out;
    }

    /** "set [DH] DH_1024_RECEIVE_SIDE = dh1024.pem (receiver configssl.cnf) -> ok, TLSv1.2 DHE-RSA-AES256-SHA, DH 1024" */
    public String line() {
        return "set " + change + " (" + where + ") -> " + verdict();
    }

    public String verdict() {
        if (!works()) {
            return result.summary();
        }
        return "ok, " + result.protocol() + " " + result.cipher() + (result.dhBits() != null ? ", DH " + result.dhBits() : "");
    }

    /** DH size the changed handshake used (0 for RSA key exchange): a smaller group is the smaller change. */
    int dhBits() {
        return result.dhBits() == null ? 0 : result.dhBits();
    }
}
