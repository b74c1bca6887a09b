package io.handshakematrix.diagnose;

import io.handshakematrix.matrix.CellSettings;
import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.config.ReceiverSetting;
import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.MinDhBitsOverride;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.runner.CellRunner;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the one-line configuration changes that make a failing cell pass, and proves each by running the
 * changed cell: the other RECEIVE_SIDE values, every [DH] table the product profile declares from 1024 bits up
 * (all of them, not just the first that passes: a table the sender accepts may still be refused by the
 * product's other peers), then the sender's MinimumDHBits-style override when its profile has one. Each
 * working receiver-side change is also run against the product's current peers (one handshake each), so the
 * ranking in {@link Resolution} can prefer the change most of them accept.
 * With a parsed configssl.cnf, a change is applied to the whole file and the product profile decides
 * what the receiver then serves (a larger table already set may still win).
 */
public final class FixFinder {
    /**
     * Never proposed: DH groups under 1024 bits (Logjam, CVE-2015-4000; every current client refuses them,
     * docs/stacks.md). The product may declare such a key; diagnose does not suggest it.
     */
    public static final int MIN_FIX_DH_BITS = 1024;
    private static final String RECEIVER_FILE = "receiver configssl.cnf";

    private final CellRunner runner;
    private final ProductProfile product;
    private final List<String> otherSenders;

    public FixFinder(CellRunner runner, ProductProfile product) {
        this(runner, product, List.of());
    }

    /**
     * {@code otherSenders}: the other senders of this diagnosis (diagnose's --sender list, a run's senders): a
     * receiver change is also tried against each of them, so the fix that works for the most of them ranks first.
     */
    public FixFinder(CellRunner runner, ProductProfile product, List<String> otherSenders) {
        this.runner = runner;
        this.product = product;
        this.otherSenders = List.copyOf(otherSenders);
    }

    /** For a matrix cell with the shipped product profile. */
    public static Resolution resolve(CellResult failing, CellRunner runner) {
        return new FixFinder(runner, ProductProfiles.builtin()).resolve(failing.cell(), failing.result(), null);
    }

    /**
     * The peers the fixes are tried against: the diagnosis's other senders, then the product's current peers that
     * this catalog has a profile for.
     */
    public List<String> currentPeers() {
        java.util.Set<String> peers = new java.util.LinkedHashSet<>(otherSenders);
        product.support().currentPeers().stream().filter(p -> runner.profiles().find(p).isPresent()).forEach(peers::add);
        return List.copyOf(peers);
    }

    /** {@code config}: the receiver's configssl.cnf the cell came from, or null when the cell names its settings. */
    public Resolution resolve(Cell cell, HandshakeResult before, ConfigSsl config) {
        List<FixAttempt> tried = new ArrayList<>();
        if (before.outcome() != Outcome.FAIL) {
            return new Resolution(cell, before, List.of());
        }
        for (String side : runner.product().receiveSideSuites().keySet()) {
            if (!side.equals(CellAxes.receiveSide(cell))) {
                Cell changed = config == null ? CellAxes.withReceiveSide(cell, side)
                        : withReceiver(cell, product.effective(config.withReceiveSide(side)));
                tried.add(receiverAttempt("[RSAKEY] RECEIVE_SIDE = " + side, changed));
            }
        }
        if (offersDhe(CellAxes.receiveSide(cell))) {
            tryDhTables(cell, config, tried);
        }
        senderOverride(cell, before).ifPresent(tried::add);
        policyFixes(cell, before, tried);
        return new Resolution(cell, before, List.copyOf(tried));
    }

    private void tryDhTables(Cell cell, ConfigSsl config, List<FixAttempt> tried) {
        List<Map.Entry<String, Integer>> keys = product.dhKeys().entrySet().stream()
                .filter(k -> k.getValue() >= MIN_FIX_DH_BITS)
                .sorted(Comparator.comparingInt(Map.Entry::getValue)).toList();
        for (Map.Entry<String, Integer> k : keys) {
            String group = Integer.toString(k.getValue());
            if (!runner.groups().isNamed(group)) {
                continue; // no shipped group of that size to prove it with
            }
            String file = product.suggestedFile(k.getValue());
            Cell changed = config == null ? CellAxes.withDhGroup(cell, group)
                    : withReceiver(cell, product.effective(config.withDhTable(
                            new ConfigSsl.DhTable(k.getKey(), k.getValue(), file, group, 0))));
            if (CellAxes.dhGroup(changed).equals(CellAxes.dhGroup(cell))) {
                continue; // no effect: the product still serves the same table
            }
            tried.add(receiverAttempt("[DH] " + k.getKey() + " = " + file, changed));
        }
    }

    /**
     * The sender's own knob (RHEL: MinimumDHBits in legacy-settings) when the group is within its range, and
     * never to let a group under 1024 bits through.
     */
    private Optional<FixAttempt> senderOverride(Cell cell, HandshakeResult before) {
        if (before.failedSide() != Side.SENDER || CellAxes.senderMinDhBits(cell) != 0) {
            return Optional.empty();
        }
        StackProfile sender = runner.profiles().get(StackRef.parse(CellAxes.sender(cell)).profileId());
        MinDhBitsOverride o = sender.client().minDhBitsOverride();
        if (o == null) {
            return Optional.empty();
        }
        DhGroup g = runner.groups().resolve(resolveDefault(cell), runner.baseDir());
        int requested = Math.max(o.floor(), g.bits());
        if (g.bits() < Math.max(o.floor(), MIN_FIX_DH_BITS) || requested > o.ceiling()
                || requested >= sender.client().dhMinBits()) {
            return Optional.empty(); // below its floor or under 1024 bits: no sender-side fix offered
        }
        Cell changed = CellAxes.withSenderMinDhBits(cell, requested);
        return Optional.of(new FixAttempt("sender " + o.file(), o.setting() + " " + requested, changed,
                runner.run(changed), List.of(), true, product.support().currentPeers()));
    }

    /**
     * The refusing side's system-wide crypto policy, where its stack has one: LEGACY, and DEFAULT:SHA1 where the
     * release has that subpolicy (RHEL 9). Each is verified by a real handshake of the changed cell; a receiver's
     * change also against the current peers. The cost goes with it: the policy is the whole host's.
     */
    private void policyFixes(Cell cell, HandshakeResult before, List<FixAttempt> tried) {
        if (before.failedSide() == null) {
            return;
        }
        boolean sender = before.failedSide() == Side.SENDER;
        String stack = sender ? CellAxes.sender(cell) : CellAxes.receiver(cell);
        String axis = sender ? CellSettings.SENDER_POLICY : CellSettings.RECEIVER_POLICY;
        StackProfile p = runner.profiles().get(StackRef.parse(stack).profileId());
        if (!p.hasPolicies()) {
            return;
        }
        String now = cell.settings().getOrDefault(axis, io.handshakematrix.profile.CryptoPolicies.NEUTRAL);
        for (String setting : List.of("LEGACY", "DEFAULT:SHA1")) {
            if (setting.equals(now) || runner.profiles().policies().whyNot(p, setting) != null) {
                continue;
            }
            Cell changed = cell.with(axis, setting);
            String change = io.handshakematrix.results.FixRank.POLICY_PREFIX + setting + " (update-crypto-policies --set " + setting + "; cost: host-wide, weaker crypto for every "
                    + "application on " + stack + ", not just this link)";
            String where = (sender ? "sender" : "receiver") + " host " + stack;
            tried.add(sender ? new FixAttempt(where, change, changed, runner.run(changed), List.of(), true,
                    product.support().currentPeers())
                    : receiverAttempt(where, change, changed));
        }
    }

    private String resolveDefault(Cell cell) {
        return CellSettings.dhGroupName(CellAxes.dhGroup(cell),
                runner.profiles().get(StackRef.parse(CellAxes.receiver(cell)).profileId()));
    }

    private boolean offersDhe(String receiveSide) {
        return runner.product().receiveSideSuites().getOrDefault(receiveSide, List.of()).stream()
                .anyMatch(CipherSuites::isDhe);
    }

    /** The changed cell, and when it works, each current peer (its emulated twin) against the changed receiver. */
    private FixAttempt receiverAttempt(String change, Cell changed) {
        return receiverAttempt(RECEIVER_FILE, change, changed);
    }

    private FixAttempt receiverAttempt(String where, String change, Cell changed) {
        HandshakeResult r = runner.run(changed);
        List<FixAttempt.PeerCheck> peers = new ArrayList<>();
        if (r.outcome() == Outcome.OK) {
            for (String peer : currentPeers()) {
                if (peer.equals(CellAxes.sender(changed))) {
                    continue; // the changed cell itself
                }
                peers.add(new FixAttempt.PeerCheck(peer, runner.run(CellAxes.withSender(changed, peer))));
            }
        }
        return new FixAttempt(where, change, changed, r, peers, false, product.support().currentPeers());
    }

    private static Cell withReceiver(Cell c, ReceiverSetting s) {
        return CellAxes.withReceiver(c, s.receiveSide(), s.dhGroup());
    }
}
