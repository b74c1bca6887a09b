package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.yaml.ValueText;

/**
 * The line a differing cell gets, the same in run's summary and in a JUnit failure: the cell's name, the matrix
 * line whose expectation it missed, then each difference as a sentence ("expected X, got Y") on its own line. Names
 * and error lines come from data: printed without their control characters.
 */
public final class DiffersLine {
    private DiffersLine() {}

    public static String of(CellResult r) {
        StringBuilder s = new StringBuilder("DIFFERS  ").append(ValueText.printable(r.cell().displayName()));
        if (r.expectationLine() != null) {
            s.append("  [matrix line ").append(r.expectationLine()).append(']');
        }
        r.differences().forEach(d -> s.append("\n         ").append(ValueText.printable(d)));
        return s.toString();
    }
}
