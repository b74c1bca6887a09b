package io.handshakematrix.explain;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.results.FixRank;
import io.handshakematrix.results.PeerCount;
import io.handshakematrix.results.ShippedResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fixes a set of results proves, for reports and explain (which never start a handshake): a change is
 * offered only when the sibling cell with that one setting changed ran in the same results and passed. Cells
 * compare only with cells of the same variant (axes beyond the four, {@link Cell#extras()}): an ECDSA receiver's
 * sibling is an ECDSA receiver. Only
 * [DH] keys the product profile declares, never under {@link #MIN_DH_BITS} bits; ranked like diagnose's fixes:
 * DHE first, then by how many of the product's current peers among the run's senders accept the changed
 * receiver, then the smaller group.
 */
public final class SiblingFixes {
    /** Never offered: DH groups under 1024 bits (Logjam; every current client refuses them; docs/stacks.md). */
    public static final int MIN_DH_BITS = 1024;

    /** One proven change; {@code accepted}/{@code refused}: current peers (run's senders) against the changed receiver. */
    public record Fix(String change, boolean keepsDhe, int dhBits, List<String> accepted, List<String> refused,
                      PeerFloor belowFloor, Cell changed) {

        public FixRank rank() {
            return new FixRank(keepsDhe, accepted.size(), belowFloor != null,
                    FixRank.scope(change, false), dhBits);
        }

        /** The cost of taking it, in words; empty when there is none. */
        public List<String> costs() {
            List<String> out = new ArrayList<>();
            if (!keepsDhe) {
                out.add("no forward secrecy (RSA key exchange), and it fails wherever one side has no RSA key exchange");
            }
            if (!refused.isEmpty()) {
                out.add("refused by " + String.join(", ", refused));
            }
            if (belowFloor != null) {
                out.add("under the " + belowFloor.bits() + " bits " + belowFloor.neededBy() + " needs (seen against other "
                        + "receivers in this run)");
            }
            return out;
        }

        /** "[DH] DH_2048_RECEIVE_SIDE = dh2048.pem (keeps DHE; 3 of 3 current peers accept)" */
        public String text() {
            List<String> notes = new ArrayList<>();
            if (keepsDhe) {
                notes.add("keeps DHE");
            }
            String count = new PeerCount(accepted, refused).text(); // the count diagnose prints
            if (!count.isEmpty()) {
                notes.add(count);
            }
            notes.addAll(costs().stream().map(c -> "cost: " + c).toList());
            return change + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")");
        }
    }

    /** The one ranking ({@link FixRank}): diagnose, the KB and plan order their fixes the same way. */
    public static final Comparator<Fix> RANK = FixRank.by(Fix::rank);

    private final Map<Cell, CellResult> byCell = new HashMap<>();
    private final Set<String> receiveSides = new LinkedHashSet<>();
    private final Set<String> dhGroups = new LinkedHashSet<>();
    private final ProductProfile product;
    private final Map<String, PeerFloor> floors = new HashMap<>();
    private final Map<Cell, List<Fix>> fixesOf = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Boolean> currentPeer = new java.util.concurrent.ConcurrentHashMap<>();
    /** The results by receiver setup ({@link #setup}): a fix compares the cells of one setup, not the whole run. */
    private final Map<String, List<CellResult>> bySetup = new HashMap<>();
    private final Map<String, List<CellResult>> peerChecksBySetup = new HashMap<>();

    /**
     * The peer checks shipped in the jar ({@link ShippedResults}) count too, for the product they were made for: a
     * current peer that no cell of these results put against a changed receiver setup is counted from its shipped
     * handshake against that setup, so a fix reads "3 of 6 current peers accept" here as in diagnose.
     */
    public SiblingFixes(List<CellResult> results, ProductProfile product) {
        this(results, product, product.id().equals(ShippedResults.inJar().header().get("product"))
                ? ShippedResults.inJar().peerChecks() : List.of());
    }

    /** {@code peerChecks}: current peers' handshakes against changed receiver setups, counted where the results lack them. */
    public SiblingFixes(List<CellResult> results, ProductProfile product, List<CellResult> peerChecks) {
        this.product = product;
        for (CellResult r : peerChecks) {
            peerChecksBySetup.computeIfAbsent(setup(r.cell()), k -> new ArrayList<>()).add(r);
        }
        for (CellResult r : results) {
            byCell.put(r.cell(), r);
            bySetup.computeIfAbsent(setup(r.cell()), k -> new ArrayList<>()).add(r);
            receiveSides.add(CellAxes.receiveSide(r.cell()));
            dhGroups.add(CellAxes.dhGroup(r.cell()));
        }
    }

    /** The proven fixes of a failing cell, best first. */
    public List<Fix> of(Cell c) {
        // the KB, its detail, explain and Allure each ask for the same failing cells' fixes
        return fixesOf.computeIfAbsent(c, this::find);
    }

    private List<Fix> find(Cell c) {
        List<Fix> out = new ArrayList<>();
        for (String side : receiveSides) {
            if (!side.equals(CellAxes.receiveSide(c))) {
                CellResult s = passing(CellAxes.withReceiveSide(c, side));
                if (s != null) {
                    out.add(fix("[RSAKEY] RECEIVE_SIDE = " + side, s));
                }
            }
        }
        for (Map.Entry<String, Integer> k : product.dhKeys().entrySet()) {
            String group = Integer.toString(k.getValue());
            if (k.getValue() < MIN_DH_BITS || group.equals(CellAxes.dhGroup(c)) || !dhGroups.contains(group)) {
                continue;
            }
            CellResult s = passing(CellAxes.withDhGroup(c, group));
            if (s != null) {
                out.add(fix("[DH] " + k.getKey() + " = " + product.suggestedFile(k.getValue()), s));
            }
        }
        policyFixes(c, out);
        out.sort(RANK);
        return List.copyOf(out);
    }

    /** The policies a refusing host can be moved to, weakest last: crypto-policies' LEGACY, and DEFAULT with SHA-1. */
    private static final List<String> LOOSER_POLICIES = List.of("LEGACY", "DEFAULT:SHA1");

    /**
     * The refusing side's system-wide crypto policy, where these results ran the sibling cell with that host under
     * LEGACY or DEFAULT:SHA1 and it passed (as diagnose tries them). The cost goes with it: the policy is the whole
     * host's. A receiver's change is counted against the current peers like any receiver change; a sender's changes
     * nothing a peer sees.
     */
    private void policyFixes(Cell c, List<Fix> out) {
        CellResult failing = byCell.get(c);
        if (failing == null || failing.result().failedSide() == null) {
            return;
        }
        boolean sender = failing.result().failedSide() == io.handshakematrix.model.Side.SENDER;
        String axis = sender ? io.handshakematrix.matrix.CellSettings.SENDER_POLICY
                : io.handshakematrix.matrix.CellSettings.RECEIVER_POLICY;
        String host = sender ? CellAxes.sender(c) : CellAxes.receiver(c);
        String now = c.settings().getOrDefault(axis, io.handshakematrix.profile.CryptoPolicies.NEUTRAL);
        for (String setting : LOOSER_POLICIES) {
            CellResult s = setting.equals(now) ? null : passing(c.with(axis, setting));
            if (s == null) {
                continue;
            }
            String change = FixRank.POLICY_PREFIX + setting + " on the " + (sender ? "sender" : "receiver") + " host "
                    + "(update-crypto-policies --set " + setting + "; cost: host-wide, weaker crypto for every "
                    + "application on " + host + ", not just this link)";
            if (sender) {
                String cipher = s.result().cipher();
                Integer bits = s.result().dhBits();
                out.add(new Fix(change, cipher != null && CipherSuites.isDhe(cipher), bits == null ? 0 : bits, List.of(),
                        List.of(), null, s.cell()));
            } else {
                out.add(fix(change, s));
            }
        }
    }

    /** The smallest [DH] size the product declares (>= 1024) that this cell's sender and receiver pass with. */
    public Integer smallestWorkingDh(Cell c) {
        return product.dhKeys().values().stream().filter(b -> b >= MIN_DH_BITS).sorted()
                .filter(b -> dhGroups.contains(Integer.toString(b)))
                .filter(b -> passing(CellAxes.withDhGroup(c, Integer.toString(b))) != null)
                .findFirst().orElse(null);
    }

    /**
     * The smallest [DH] size every current peer among the run's senders accepted against some receiver with this
     * RECEIVE_SIDE, with the peer that needs it; null when the run has no current peer as sender.
     */
    public PeerFloor currentPeerFloor(String receiveSide) {
        return currentPeerFloor(receiveSide, Map.of());
    }

    /** The same over the cells of one variant ({@link Cell#extras()}; empty: the product's own setup). */
    private PeerFloor currentPeerFloor(String receiveSide, Map<String, String> variant) {
        Map<String, Integer> smallest = new HashMap<>();
        for (CellResult r : byCell.values()) {
            Cell c = r.cell();
            if (!isCurrentPeer(CellAxes.sender(c)) || !CellAxes.receiveSide(c).equals(receiveSide)
                    || !c.extras().equals(variant)
                    || r.result().outcome() != Outcome.OK || !isDeclaredSize(CellAxes.dhGroup(c))) {
                continue;
            }
            smallest.merge(CellAxes.sender(c), Integer.parseInt(CellAxes.dhGroup(c)), Math::min);
        }
        return smallest.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> new PeerFloor(e.getValue(), e.getKey(), List.copyOf(new java.util.TreeSet<>(smallest.keySet()))))
                .orElse(null);
    }

    /** {@code bits}: the size all of {@code peers} accept; {@code neededBy}: the peer with the highest minimum. */
    public record PeerFloor(int bits, String neededBy, List<String> peers) {
    }

    private boolean isDeclaredSize(String group) {
        return group.chars().allMatch(Character::isDigit) && !group.isEmpty()
                && product.dhKeys().containsValue(Integer.parseInt(group));
    }

    public boolean isCurrentPeer(String stack) {
        // asked for every cell of every fix (thousands of times per report): parse each stack name once
        return currentPeer.computeIfAbsent(stack,
                s -> product.support().currentPeers().contains(StackRef.parse(s).profileId()));
    }

    private Fix fix(String change, CellResult sibling) {
        Cell changed = sibling.cell();
        java.util.Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
        for (CellResult r : bySetup.getOrDefault(setup(changed), List.of())) {
            Cell c = r.cell();
            if (CellAxes.senderMinDhBits(c) == 0 && CellAxes.sameVariant(c, changed)) {
                outcomes.merge(CellAxes.sender(c), r.result().outcome(), (a, b) -> a == Outcome.OK ? a : b);
            }
        }
        Set<String> met = new java.util.HashSet<>();
        outcomes.keySet().forEach(s -> met.add(StackRef.parse(s).profileId()));
        for (CellResult r : peerChecksBySetup.getOrDefault(setup(changed), List.of())) {
            Cell c = r.cell();
            if (CellAxes.sameVariant(c, changed) && !met.contains(StackRef.parse(CellAxes.sender(c)).profileId())) {
                outcomes.merge(CellAxes.sender(c), r.result().outcome(), (a, b) -> a == Outcome.OK ? a : b);
            }
        }
        PeerCount count = PeerCount.of(outcomes, product.support().currentPeers());
        List<String> accepted = count.accepted();
        List<String> refused = count.refused();
        String cipher = sibling.result().cipher();
        Integer bits = sibling.result().dhBits();
        boolean dhe = cipher != null && CipherSuites.isDhe(cipher);
        PeerFloor below = null;
        if (dhe && accepted.isEmpty() && refused.isEmpty()) {
            // no current peer met this receiver: what they accepted from the run's other receivers still counts
            PeerFloor floor = floors.computeIfAbsent(CellAxes.receiveSide(changed) + "|" + changed.extras(),
                    k -> currentPeerFloor(CellAxes.receiveSide(changed), changed.extras()));
            below = floor != null && bits != null && bits < floor.bits() ? floor : null;
        }
        return new Fix(change, dhe, bits == null ? 0 : bits, accepted, refused, below, changed);
    }

    /** Receiver, RECEIVE_SIDE, DH group and protocol: what a sibling fix changes and the peers it is tried with share. */
    private static String setup(Cell c) {
        return CellAxes.receiver(c) + "|" + CellAxes.receiveSide(c) + "|" + CellAxes.dhGroup(c) + "|" + CellAxes.protocol(c);
    }

    private CellResult passing(Cell c) {
        CellResult r = byCell.get(c);
        return r != null && r.result().outcome() == Outcome.OK ? r : null;
    }
}
