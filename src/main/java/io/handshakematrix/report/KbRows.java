package io.handshakematrix.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges table rows that say the same thing: first the receivers of one sender with equal cells, then the senders
 * with equal receivers and cells, so "rhel-6.10, rhel-6.10-fips -> rhel-6.10, rhel-7.7" is one row.
 */
final class KbRows {
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private record Row(List<String> senders, List<String> receivers, List<KbBlock.Cell> cells) {
    }

    void add(String sender, String receiver, List<KbBlock.Cell> cells) {
        rows.merge(sender + "\u0000" + cells, new Row(List.of(sender), List.of(receiver), cells),
                (a, b) -> new Row(a.senders(), concat(a.receivers(), b.receivers()), a.cells()));
    }

    List<List<KbBlock.Cell>> merged() {
        Map<String, Row> bySenders = new LinkedHashMap<>();
        for (Row r : rows.values()) {
            bySenders.merge(r.receivers() + "\u0000" + r.cells(), r,
                    (a, b) -> new Row(concat(a.senders(), b.senders()), a.receivers(), a.cells()));
        }
        List<List<KbBlock.Cell>> out = new ArrayList<>();
        for (Row r : bySenders.values()) {
            List<KbBlock.Cell> row = new ArrayList<>();
            row.add(KbBlock.Cell.plain(String.join(", ", r.senders()) + " -> " + String.join(", ", r.receivers())));
            row.addAll(r.cells());
            out.add(row);
        }
        return out;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Each name once: a pair run under several protocols with the same verdicts is one row. */
    private static List<String> concat(List<String> a, List<String> b) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
