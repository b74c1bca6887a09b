package io.handshakematrix.diagnose;

import io.handshakematrix.matrix.CellSettings;
import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.config.ReceiverSetting;
import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.model.Cell;
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
 * changed cell: first the other RECEIVE_SIDE values, then each [DH] table size from the smallest up (stopping
 * at the first that passes), then the sender's MinimumDHBits-style override when its profile has one.
 * With a parsed configssl.cnf, a change is applied to the whole file and the product profile decides
 * what the receiver then serves (a larger table already set may still win).
 */
public final class FixFinder {
    private static final String RECEIVER_FILE = "receiver configssl.cnf";

    private final CellRunner runner;
    private final ProductProfile product;

    public FixFinder(CellRunner runner, ProductProfile product) {
        this.runner = runner;
        this.product = product;
    }

    /** For reports (the KB resolution section): the verified fixes of a failing matrix cell. */
    public static Resolution resolve(CellResult failing, CellRunner runner) {
        return new FixFinder(runner, ProductProfiles.builtin()).resolve(failing.cell(), failing.result(), null);
    }

    /** {@code config}: the receiver's configssl.cnf the cell came from, or null when the cell names its settings. */
    public Resolution resolve(Cell cell, HandshakeResult before, ConfigSsl config) {
        List<FixAttempt> tried = new ArrayList<>();
        if (before.outcome() != Outcome.FAIL) {
            return new Resolution(cell, before, List.of());
        }
        for (String side : runner.product().receiveSideSuites().keySet()) {
            if (!side.equals(cell.receiveSide())) {
                Cell changed = config == null ? withReceiver(cell, side, cell.dhGroup())
                        : withReceiver(cell, product.effective(config.withReceiveSide(side)));
                tried.add(attempt(RECEIVER_FILE, "[RSAKEY] RECEIVE_SIDE = " + side, changed));
            }
        }
        if (offersDhe(cell.receiveSide())) {
            tryDhTables(cell, config, tried);
        }
        senderOverride(cell, before).ifPresent(tried::add);
        return new Resolution(cell, before, List.copyOf(tried));
    }

    private void tryDhTables(Cell cell, ConfigSsl config, List<FixAttempt> tried) {
        List<Map.Entry<String, Integer>> keys = product.dhKeys().entrySet().stream()
                .sorted(Comparator.comparingInt(Map.Entry::getValue)).toList();
        for (Map.Entry<String, Integer> k : keys) {
            String group = Integer.toString(k.getValue());
            if (!runner.groups().isNamed(group)) {
                continue; // no shipped group of that size to prove it with
            }
            String file = product.suggestedFile(k.getValue());
            Cell changed = config == null ? withReceiver(cell, cell.receiveSide(), group)
                    : withReceiver(cell, product.effective(config.withDhTable(
                            new ConfigSsl.DhTable(k.getKey(), k.getValue(), file, group, 0))));
            if (changed.dhGroup().equals(cell.dhGroup())) {
                continue; // no effect: the product still serves the same table
            }
            FixAttempt a = attempt(RECEIVER_FILE, "[DH] " + k.getKey() + " = " + file, changed);
            tried.add(a);
            if (a.works()) {
                return;
            }
        }
    }

    /** The sender's own knob (RHEL: MinimumDHBits in legacy-settings) when the group is within its range. */
    private Optional<FixAttempt> senderOverride(Cell cell, HandshakeResult before) {
        if (before.failedSide() != Side.SENDER || cell.senderMinDhBits() != 0) {
            return Optional.empty();
        }
        StackProfile sender = runner.profiles().get(StackRef.parse(cell.sender()).profileId());
        MinDhBitsOverride o = sender.client().minDhBitsOverride();
        if (o == null) {
            return Optional.empty();
        }
        DhGroup g = runner.groups().resolve(resolveDefault(cell), runner.baseDir());
        int requested = Math.max(o.floor(), g.bits());
        if (g.bits() < o.floor() || requested > o.ceiling() || requested >= sender.client().dhMinBits()) {
            return Optional.empty(); // the stack ignores values below its floor: no sender-side fix
        }
        Cell changed = cell.with(Cell.SENDER_MIN_DH_BITS, Integer.toString(requested));
        return Optional.of(attempt("sender " + o.file(), o.setting() + " " + requested, changed));
    }

    private String resolveDefault(Cell cell) {
        return CellSettings.dhGroupName(cell.dhGroup(), runner.profiles().get(StackRef.parse(cell.receiver()).profileId()));
    }

    private boolean offersDhe(String receiveSide) {
        return runner.product().receiveSideSuites().getOrDefault(receiveSide, List.of()).stream()
                .anyMatch(CipherSuites::isDhe);
    }

    private FixAttempt attempt(String where, String change, Cell changed) {
        return new FixAttempt(where, change, changed, runner.run(changed));
    }

    private static Cell withReceiver(Cell c, ReceiverSetting s) {
        return withReceiver(c, s.receiveSide(), s.dhGroup());
    }

    private static Cell withReceiver(Cell c, String side, String dh) {
        return c.with(Cell.RECEIVE_SIDE, side).with(Cell.DH, dh);
    }
}
