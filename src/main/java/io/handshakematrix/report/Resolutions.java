package io.handshakematrix.report;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The KB "Resolution" section, derived only from the results: for each failing cell, which one setting change
 * makes the same sender/receiver pair pass, judged by the sibling cell that actually ran with that change.
 * A change no sibling cell covers is never suggested.
 */
public final class Resolutions {
    private final Map<Cell, CellResult> byCell = new LinkedHashMap<>();
    private final Set<String> receiveSides = new LinkedHashSet<>();
    private final Set<String> dhGroups = new LinkedHashSet<>();
    private final Set<Integer> minDhBits = new LinkedHashSet<>();

    private Resolutions(List<CellResult> results) {
        for (CellResult r : results) {
            byCell.put(r.cell(), r);
            receiveSides.add(r.cell().receiveSide());
            dhGroups.add(r.cell().dhGroup());
            minDhBits.add(r.cell().senderMinDhBits());
        }
    }

    public static List<Resolution> derive(List<CellResult> results) {
        return new Resolutions(results).groups();
    }

    /**
     * Failing cells that share everything but the receiver, and the same fixes, make one row; rows that then
     * differ only in the DH group are merged, so "256, 256-g1 and 256-g-pm1 fail the same way" reads as one line.
     */
    private List<Resolution> groups() {
        Map<String, Resolution> byReceivers = new LinkedHashMap<>();
        for (CellResult r : byCell.values()) {
            if (r.result().outcome() != Outcome.FAIL && r.result().outcome() != Outcome.TIMEOUT) {
                continue;
            }
            Cell c = r.cell();
            Resolution row = new Resolution(c.sender(), List.of(c.receiver()), c.receiveSide(), List.of(c.dhGroup()),
                    c.protocol(), c.senderMinDhBits(), KbCell.of(r, 0).words(), fixes(c));
            byReceivers.merge(key(row, row.dhGroups(), List.of()), row, (a, b) -> new Resolution(a.sender(),
                    concat(a.receivers(), b.receivers()), a.receiveSide(), a.dhGroups(), a.protocol(),
                    a.senderMinDhBits(), a.symptom(), a.fixes()));
        }
        Map<String, Resolution> byGroups = new LinkedHashMap<>();
        for (Resolution row : byReceivers.values()) {
            byGroups.merge(key(row, List.of(), row.receivers()), row, (a, b) -> new Resolution(a.sender(), a.receivers(),
                    a.receiveSide(), concat(a.dhGroups(), b.dhGroups()), a.protocol(), a.senderMinDhBits(), a.symptom(),
                    a.fixes()));
        }
        return List.copyOf(byGroups.values());
    }

    private static String key(Resolution r, List<String> groups, List<String> receivers) {
        return String.join("|", r.sender(), r.receiveSide(), r.protocol(), Integer.toString(r.senderMinDhBits()),
                r.symptom(), r.fixes().toString(), groups.toString(), receivers.toString());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private List<String> fixes(Cell c) {
        List<String> fixes = new ArrayList<>();
        for (String side : receiveSides) {
            if (!side.equals(c.receiveSide()) && passes(c, x -> withReceiveSide(x, side))) {
                fixes.add("RECEIVE_SIDE = " + side);
            }
        }
        List<String> groups = new ArrayList<>();
        for (String g : dhGroups) {
            if (!g.equals(c.dhGroup()) && isProductGroup(g) && passes(c, x -> withDhGroup(x, g))) {
                groups.add("DH_" + g + "_RECEIVE_SIDE");
            }
        }
        if (!groups.isEmpty()) {
            fixes.add("[DH] " + String.join(" or ", groups) + " (with RECEIVE_SIDE = " + c.receiveSide() + ")");
        }
        for (int bits : minDhBits) {
            if (bits != c.senderMinDhBits() && passes(c, x -> withMinDhBits(x, bits))) {
                fixes.add(bits == 0 ? "remove MinimumDHBits from the sender's legacy-settings"
                        : "MinimumDHBits " + bits + " in the sender's /etc/pki/tls/legacy-settings");
            }
        }
        return fixes;
    }

    /**
     * Only the well-formed named groups (the plain sizes: 1024, 2048, ...) are settings a product offers as
     * [DH] DH_n_RECEIVE_SIDE; the suffixed ones (256-g1, 1024-even, ...) are deliberately broken test groups.
     */
    static boolean isProductGroup(String group) {
        return group.chars().allMatch(Character::isDigit);
    }

    private boolean passes(Cell c, UnaryOperator<Cell> change) {
        CellResult sibling = byCell.get(change.apply(c));
        return sibling != null && sibling.result().outcome() == Outcome.OK;
    }

    private static Cell withReceiveSide(Cell c, String side) {
        return c.with(Cell.RECEIVE_SIDE, side);
    }

    private static Cell withDhGroup(Cell c, String g) {
        return c.with(Cell.DH, g);
    }

    private static Cell withMinDhBits(Cell c, int bits) {
        return c.with(Cell.SENDER_MIN_DH_BITS, Integer.toString(bits));
    }
}
