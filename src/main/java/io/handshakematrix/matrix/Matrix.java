package io.handshakematrix.matrix;

import io.handshakematrix.model.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A loaded matrix.yaml: product settings, the axes to cross, expectations and disabled cells. */
public record Matrix(
        String file,
        ProductSettings product,
        List<String> senders,
        List<String> receivers,
        List<String> receiveSides,
        List<String> dhGroups,
        List<String> protocols,
        List<Integer> senderMinDhBits,
        List<Expectation> expectations,
        List<Disabled> disabled,
        List<ConfiguredReceiver> configured) {

    /** Without a {@code config:} axis. */
    public Matrix(String file, ProductSettings product, List<String> senders, List<String> receivers,
                  List<String> receiveSides, List<String> dhGroups, List<String> protocols, List<Integer> senderMinDhBits,
                  List<Expectation> expectations, List<Disabled> disabled) {
        this(file, product, senders, receivers, receiveSides, dhGroups, protocols, senderMinDhBits, expectations,
                disabled, List.of());
    }

    /**
     * One file of the {@code config:} axis: a receiver's configssl.cnf, reduced to the RECEIVE_SIDE and DH group
     * (name or PEM path) the product serves with it. Cells carry those two values, not the file name.
     */
    public record ConfiguredReceiver(String configFile, String receiveSide, String dhGroup) {
    }

    /** A rule that switches cells off with a reason (outcome {@code skipped}). */
    public record Disabled(Expectation match, String reason) {
    }

    /**
     * Every cell, in KB-table order: receive side, protocol, override, sender, receiver, DH group; then the
     * cells of each {@code config:} file (its RECEIVE_SIDE and DH group as one pair).
     */
    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        for (String rs : receiveSides)
            for (String proto : protocols)
                for (int minBits : senderMinDhBits)
                    for (String s : senders)
                        for (String r : receivers)
                            for (String dh : dhGroups)
                                out.add(new Cell(s, r, rs, dh, proto, minBits));
        for (ConfiguredReceiver c : configured)
            for (String proto : protocols)
                for (int minBits : senderMinDhBits)
                    for (String s : senders)
                        for (String r : receivers)
                            out.add(new Cell(s, r, c.receiveSide(), c.dhGroup(), proto, minBits));
        return out;
    }

    /** The last matching rule, or empty when no rule covers the cell. */
    public Optional<Expectation> expectationFor(Cell c) {
        for (int i = expectations.size() - 1; i >= 0; i--) {
            if (expectations.get(i).covers(c)) {
                return Optional.of(expectations.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<String> disabledReason(Cell c) {
        return disabled.stream().filter(d -> d.match().covers(c)).map(Disabled::reason).findFirst();
    }
}
