package io.handshakematrix.junit;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.report.DiffersLine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * The cells as a JUnit tree: setting (RECEIVE_SIDE=NO, and any variant axis) > pair (rhel-7.7 -> rhel-6.10) >
 * one test per cell under its full name from the axes, so that a flat report (surefire's XML, a CI test tab)
 * still names the KB row. A cell is judged the way 'run' judges it: as expected passes; an unexpected ERROR is
 * the harness's or its environment's fault (an error, never blamed on a stack); an expected skip is an aborted test
 * with the reason.
 */
final class CellTests {
    private CellTests() {}

    static Stream<DynamicNode> grouped(List<Cell> cells, Function<Cell, CellResult> results) {
        Map<String, Map<String, List<Cell>>> tree = new LinkedHashMap<>();
        for (Cell c : cells) {
            tree.computeIfAbsent(setting(c), k -> new LinkedHashMap<>())
                    .computeIfAbsent(c.sender() + " -> " + c.receiver(), k -> new java.util.ArrayList<>()).add(c);
        }
        return tree.entrySet().stream().map(setting -> DynamicContainer.dynamicContainer(setting.getKey(),
                setting.getValue().entrySet().stream().map(pair -> DynamicContainer.dynamicContainer(pair.getKey(),
                        pair.getValue().stream().map(c -> DynamicTest.dynamicTest(c.displayName(),
                                () -> judge(results.apply(c))))))));
    }

    /** "RECEIVE_SIDE=NO", plus the cell's variant axes ("certificate ecdsa"): the product setting the cell runs. */
    static String setting(Cell c) {
        StringBuilder s = new StringBuilder();
        String side = c.get(Cell.RECEIVE_SIDE);
        if (side != null) {
            s.append("RECEIVE_SIDE=").append(side);
        }
        c.extras().forEach((axis, v) -> s.append(s.isEmpty() ? "" : " | ").append(axis).append(' ').append(v));
        return s.isEmpty() ? "default setting" : s.toString();
    }

    static void judge(CellResult r) {
        if (!r.matches() && r.result().outcome() == Outcome.ERROR) {
            // Broken, not failed: the harness or its environment, never a stack.
            throw new IllegalStateException(DiffersLine.of(r));
        }
        if (!r.matches()) {
            Assertions.fail(DiffersLine.of(r));
        }
        // Reached only when the skip was expected (a stack that cannot run the cell, with the reason).
        if (r.result().outcome() == Outcome.SKIPPED) {
            Assumptions.abort(r.result().detail());
        }
    }
}
