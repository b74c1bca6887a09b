package io.handshakematrix.plan;

import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.diagnose.FixAttempt;
import io.handshakematrix.diagnose.FixFinder;
import io.handshakematrix.diagnose.Resolution;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.runner.CellRunner;
import java.util.Comparator;
import java.util.List;

/**
 * The plan's only dependency on how fixes are found and ranked: diagnose's FixFinder tries and verifies them;
 * this class states each one's cost and orders them by the support case's principles (a fix that keeps DHE and
 * costs nothing first; RECEIVE_SIDE = YES gives up forward secrecy; lowering a sender's DH minimum weakens it
 * for every peer; a table under 1024 bits is breakable). The order is the one ranking of fixes (results/FixRank) that
 * diagnose, explain and the KB use.
 */
public final class FixRanking {
    static final String NO_FORWARD_SECRECY = "gives up forward secrecy: RSA key exchange instead of DHE";
    static final String WEAKER_SENDER = "lowers the sender's DH minimum for every peer it connects to";
    static final String WEAK_GROUP = "a DH group under 1024 bits can be broken (Logjam, CVE-2015-4000)";
    private static final int WEAK_BELOW_BITS = 1024;

    private final CellRunner runner;
    private final ProductProfile product;

    public FixRanking(CellRunner runner, ProductProfile product) {
        this.runner = runner;
        this.product = product;
    }

    /** Every change tried on a failing cell (working or not), the working ones first in rank order. */
    public List<FixOption> options(Cell cell, HandshakeResult before, ConfigSsl config) {
        Resolution r = new FixFinder(runner, product).resolve(cell, before, config);
        return r.attempts().stream().map(a -> option(cell, a))
                .sorted(Comparator.comparing((FixOption o) -> !o.attempt().works())
                        .thenComparing(io.handshakematrix.results.FixRank.by((FixOption o) -> o.attempt().rank())))
                .toList();
    }

    private FixOption option(Cell before, FixAttempt a) {
        boolean dheBefore = offersDhe(before.receiveSide());
        boolean dheAfter = offersDhe(a.cell().receiveSide());
        Integer bits = a.result().dhBits();
        String cost = dheBefore && !dheAfter ? NO_FORWARD_SECRECY
                : a.cell().senderMinDhBits() != before.senderMinDhBits() ? WEAKER_SENDER
                : bits != null && bits < WEAK_BELOW_BITS ? WEAK_GROUP
                : !a.refused().isEmpty() ? "refused by " + String.join(", ", a.refused().stream()
                        .map(FixAttempt.PeerCheck::peer).sorted().toList()) + " (current peers; diagnose's cost too)"
                : null;
        return new FixOption(a, cost, dheAfter);
    }

    private boolean offersDhe(String receiveSide) {
        return runner.product().receiveSideSuites().getOrDefault(receiveSide, List.of()).stream()
                .anyMatch(CipherSuites::isDhe);
    }
}
