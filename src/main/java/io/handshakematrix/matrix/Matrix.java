package io.handshakematrix.matrix;

import io.handshakematrix.model.Cell;
import java.util.ArrayList;
import java.util.Collections;
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
        Map<String, List<String>> settings,
        List<Expectation> expectations,
        List<Disabled> disabled,
        List<ConfiguredReceiver> configured,
        List<Matrix> includes) {

    /**
     * {@code settings}: the values of every axis this file declares besides senders and receivers (axis name ->
     * values, in {@link CellSettings} order); receive_side and dh may be absent when {@code configured} gives them.
     */
    public Matrix {
        Map<String, List<String>> ordered = new LinkedHashMap<>();
        for (CellSettings.Axis a : CellSettings.AXES) {
            if (settings.containsKey(a.name())) {
                ordered.put(a.name(), List.copyOf(settings.get(a.name())));
            }
        }
        if (ordered.size() != settings.size()) {
            throw new IllegalArgumentException("unknown axes in " + settings.keySet());
        }
        settings = Collections.unmodifiableMap(ordered);
    }

    /** The values of {@code axis} in this file (not its includes); empty when it does not declare it. */
    public List<String> values(String axis) {
        return switch (axis) {
            case "sender" -> senders;
            case "receiver" -> receivers;
            default -> settings.getOrDefault(axis, List.of());
        };
    }

    /**
     * This file's axes under their {@code axes:} keys, in crossing order (receive_side, the other axes, senders,
     * receivers, dh): 'merge' puts shard outputs back in a full run's cell order by it.
     */
    public Map<String, List<String>> axesInCrossingOrder() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        for (CellSettings.Axis x : CellSettings.AXES) {
            if (!x.name().equals(Cell.DH)) {
                a.put(x.axesKey(), values(x.name()));
            }
        }
        a.put("senders", senders);
        a.put("receivers", receivers);
        a.put("dh", values(Cell.DH));
        return a;
    }

    /**
     * One file of the {@code config:} axis: a receiver's configssl.cnf, reduced to the RECEIVE_SIDE and DH group
     * (name or PEM path) the product serves with it. Cells carry those two values, not the file name.
     */
    public record ConfiguredReceiver(String configFile, String receiveSide, String dhGroup) {
    }

    /** A rule that switches cells off with a reason (outcome {@code skipped}); {@code file:line} where it is written. */
    public record Disabled(When match, String reason, String file, int line) {
    }

    /**
     * Every cell: this file's (see {@link #ownCells()}), then those of each {@code include:}d matrix that this
     * file does not already have. A cell is judged by the rules of the last part (depth first) that crosses it,
     * so an included file judges its cells the same whether it is loaded alone or included.
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

    /** The file whose rules judge {@code c}: the last part (depth first) that crosses it, the most specific. */
    public Matrix partFor(Cell c) {
        List<Matrix> parts = parts();
        for (int i = parts.size() - 1; i >= 0; i--) {
            if (parts.get(i).crosses(c)) {
                return parts.get(i);
            }
        }
        return this;
    }

    /** Whether this file's own axes (not its includes) produce {@code c}. */
    public boolean crosses(Cell c) {
        if (!senders.contains(c.sender()) || !receivers.contains(c.receiver())) {
            return false;
        }
        for (Map.Entry<String, String> e : c.settings().entrySet()) {
            boolean pair = e.getKey().equals(Cell.RECEIVE_SIDE) || e.getKey().equals(Cell.DH);
            if (!pair && !values(e.getKey()).contains(e.getValue())) {
                return false;
            }
        }
        for (CellSettings.Axis a : CellSettings.AXES) { // an axis a cell leaves out is at its neutral value
            if (settings.containsKey(a.name()) && !c.settings().containsKey(a.name())
                    && (a.whenAbsent() == null || !values(a.name()).contains(a.whenAbsent()))) {
                return false;
            }
        }
        if (values(Cell.RECEIVE_SIDE).contains(c.receiveSide()) && values(Cell.DH).contains(c.dhGroup())) {
            return true;
        }
        return configured.stream().anyMatch(r -> r.receiveSide().equals(c.receiveSide()) && r.dhGroup().equals(c.dhGroup()));
    }

    /**
     * This file's cells, in KB-table order: receive side, then every other axis but DH (protocol, override, ...),
     * sender, receiver, DH group; then the cells of each {@code config:} file (its RECEIVE_SIDE and DH group as
     * one pair). A cell's settings come in {@link CellSettings} order, which fixes its key.
     */
    public List<Cell> ownCells() {
        List<String> outer = settings.keySet().stream()
                .filter(a -> !a.equals(Cell.RECEIVE_SIDE) && !a.equals(Cell.DH)).toList();
        List<Cell> out = new ArrayList<>();
        for (String rs : values(Cell.RECEIVE_SIDE))
            for (Map<String, String> o : combinations(outer))
                for (String s : senders)
                    for (String r : receivers)
                        for (String dh : values(Cell.DH))
                            out.add(cell(s, r, rs, dh, o));
        for (ConfiguredReceiver c : configured)
            for (Map<String, String> o : combinations(outer))
                for (String s : senders)
                    for (String r : receivers)
                        out.add(cell(s, r, c.receiveSide(), c.dhGroup(), o));
        return out;
    }

    private Cell cell(String sender, String receiver, String receiveSide, String dh, Map<String, String> outer) {
        Map<String, String> m = new LinkedHashMap<>();
        for (CellSettings.Axis a : CellSettings.AXES) {
            String v = switch (a.name()) {
                case Cell.RECEIVE_SIDE -> receiveSide;
                case Cell.DH -> dh;
                default -> outer.get(a.name());
            };
            if (v != null && CellSettings.carried(a, v)) {
                m.put(a.name(), v);
            }
        }
        return new Cell(sender, receiver, m);
    }

    /** Every combination of the values of {@code axes}, the first axis outermost. */
    private List<Map<String, String>> combinations(List<String> axes) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(Map.of());
        for (String a : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> prefix : out) {
                for (String v : values(a)) {
                    Map<String, String> m = new LinkedHashMap<>(prefix);
                    m.put(a, v);
                    next.add(m);
                }
            }
            out = next;
        }
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
        return disabledFor(c).map(Disabled::reason);
    }

    /** The first {@code disabled:} entry of the file that owns the cell that covers it. */
    public Optional<Disabled> disabledFor(Cell c) {
        Matrix part = includes.isEmpty() ? this : partFor(c);
        if (part != this) {
            return part.disabledFor(c);
        }
        return disabled.stream().filter(d -> d.match().covers(c)).findFirst();
    }

    /**
     * What decides a cell: the file that owns it and either the {@code disabled:} entry that switches it off or
     * the last rule that covers it (both null when none does).
     */
    public record Decision(Cell cell, Matrix part, Disabled disabled, Expectation rule) {
        /** "matrix.yaml:42", or null when nothing decides the cell. */
        public String where() {
            return disabled != null ? disabled.file() + ":" + disabled.line() : rule != null ? rule.where() : null;
        }
    }

    /** Every cell with what decides it, in cell order. */
    public List<Decision> decisions() {
        List<Decision> out = new ArrayList<>();
        for (Cell c : cells()) {
            Matrix part = partFor(c);
            Optional<Disabled> d = part.disabledFor(c);
            out.add(new Decision(c, part, d.orElse(null), d.isPresent() ? null : part.expectationFor(c).orElse(null)));
        }
        return out;
    }
}
