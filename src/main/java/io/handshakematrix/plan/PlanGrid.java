package io.handshakematrix.plan;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.report.KbCell;
import io.handshakematrix.runner.CellRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The before/after grid: a row per sending host, a column per receiving host, in each linked square the KB's
 * mark before and after the change ("✔ OK → ✖ FAIL") and the after-verdict's words. Too wide a fleet gets no
 * grid (the link lists say the same).
 */
final class PlanGrid {
    static final int MAX_COLUMNS = 40;
    static final int MAX_ROWS = 150;

    final List<String> senders;
    final List<String> receivers;
    private final Map<String, LinkResult> at = new HashMap<>();

    PlanGrid(Plan p) {
        Set<String> s = new LinkedHashSet<>();
        Set<String> r = new LinkedHashSet<>();
        for (LinkResult l : p.links()) {
            s.add(l.link().sender());
            r.add(l.link().receiver());
            at.put(l.link().sender() + "\n" + l.link().receiver(), l);
        }
        senders = new ArrayList<>(s);
        receivers = new ArrayList<>(r);
    }

    boolean fits() {
        return receivers.size() <= MAX_COLUMNS && senders.size() <= MAX_ROWS;
    }

    String omitted() {
        return "Grid omitted: " + senders.size() + " senders x " + receivers.size() + " receivers (more than "
                + MAX_ROWS + " rows or " + MAX_COLUMNS + " columns); the link lists above say the same.";
    }

    LinkResult at(String sender, String receiver) {
        return at.get(sender + "\n" + receiver);
    }

    static KbCell before(LinkResult l) {
        return KbCell.of(asCell(l, true), 0);
    }

    static KbCell after(LinkResult l) {
        return KbCell.of(asCell(l, false), 0);
    }

    /** KbCell reads CellResults; a plan's cells have no expectation, so nothing "differs". */
    private static CellResult asCell(LinkResult l, boolean before) {
        var cell = before ? l.before() : l.after();
        return new CellResult(cell, CellRunner.engineLabel(cell), before ? l.beforeResult() : l.afterResult(), null,
                null, List.of());
    }
}
