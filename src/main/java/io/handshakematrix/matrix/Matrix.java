package io.handshakematrix.matrix;

import io.handshakematrix.model.Cell;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded matrix.yaml: product settings, the axes to cross, expectations and disabled cells, and the
 * matrices it {@code include:}s (each keeps its own axes and rules; they share the product settings).
 */
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
        List<ConfiguredReceiver> configured,
        List<Matrix> includes) {

    /** Without a {@code config:} axis. */
    public Matrix(String file, ProductSettings product, List<String> senders, List<String> receivers,
                  List<String> receiveSides, List<String> dhGroups, List<String> protocols, List<Integer> senderMinDhBits,
                  List<Expectation> expectations, List<Disabled> disabled) {
        this(file, product, senders, receivers, receiveSides, dhGroups, protocols, senderMinDhBits, expectations,
                disabled, List.of());
    }

    /** Without included matrices. */
    public Matrix(String file, ProductSettings product, List<String> senders, List<String> receivers,
                  List<String> receiveSides, List<String> dhGroups, List<String> protocols, List<Integer> senderMinDhBits,
                  List<Expectation> expectations, List<Disabled> disabled, List<ConfiguredReceiver> configured) {
        this(file, product, senders, receivers, receiveSides, dhGroups, protocols, senderMinDhBits, expectations,
                disabled, configured, List.of());
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
     * Every cell: this file's (see {@link #ownCells()}), then those of each {@code include:}d matrix that this
     * file does not already have. A cell belongs to the first file that crosses it, and is judged by its rules.
     */
    public List<Cell> cells() {
        if (includes.isEmpty()) {
            return ownCells();
        }
        Map<String, Cell> out = new LinkedHashMap<>();
        ownCells().forEach(c -> out.putIfAbsent(c.key(), c));
        for (Matrix m : includes) {
            m.cells().forEach(c -> out.putIfAbsent(c.key(), c));
        }
        return List.copyOf(out.values());
    }

    /** This file and its includes, depth first, in the order their cells come: 'merge' orders shards by it. */
    public List<Matrix> parts() {
        List<Matrix> out = new ArrayList<>();
        out.add(this);
        includes.forEach(m -> out.addAll(m.parts()));
        return out;
    }

    /** The file whose rules judge {@code c}: the first that crosses it. */
    public Matrix partFor(Cell c) {
        for (Matrix m : parts()) {
            if (m.crosses(c)) {
                return m;
            }
        }
        return this;
    }

    /** Whether this file's own axes (not its includes) produce {@code c}. */
    public boolean crosses(Cell c) {
        boolean common = senders.contains(c.sender()) && receivers.contains(c.receiver())
                && protocols.contains(c.protocol()) && senderMinDhBits.contains(c.senderMinDhBits());
        if (!common) {
            return false;
        }
        if (receiveSides.contains(c.receiveSide()) && dhGroups.contains(c.dhGroup())) {
            return true;
        }
        return configured.stream().anyMatch(r -> r.receiveSide().equals(c.receiveSide()) && r.dhGroup().equals(c.dhGroup()));
    }

    /**
     * This file's cells, in KB-table order: receive side, protocol, override, sender, receiver, DH group; then
     * the cells of each {@code config:} file (its RECEIVE_SIDE and DH group as one pair).
     */
    public List<Cell> ownCells() {
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

    /** The last matching rule of the file that owns the cell, or empty when no rule covers it. */
    public Optional<Expectation> expectationFor(Cell c) {
        Matrix part = includes.isEmpty() ? this : partFor(c);
        if (part != this) {
            return part.expectationFor(c);
        }
        for (int i = expectations.size() - 1; i >= 0; i--) {
            if (expectations.get(i).covers(c)) {
                return Optional.of(expectations.get(i));
            }
        }
        return Optional.empty();
    }

    public Optional<String> disabledReason(Cell c) {
        Matrix part = includes.isEmpty() ? this : partFor(c);
        if (part != this) {
            return part.disabledReason(c);
        }
        return disabled.stream().filter(d -> d.match().covers(c)).map(Disabled::reason).findFirst();
    }
}
