package io.handshakematrix.matrix;

import io.handshakematrix.model.Cell;
import java.util.List;
import java.util.Map;

/**
 * Which cells a rule of {@code expect:} or {@code disabled:} covers: per axis (sender, receiver, or one a matrix
 * declares), the values it matches, wildcards allowed; an axis left out matches every value.
 */
public record When(Map<String, List<Glob>> axes) {
    public static final When ALWAYS = new When(Map.of());

    public When {
        axes = Map.copyOf(axes);
    }

    public boolean covers(Cell c) {
        for (Map.Entry<String, List<Glob>> e : axes.entrySet()) {
            String v = c.get(e.getKey());
            if (v == null) {
                v = CellSettings.axis(e.getKey()).map(CellSettings.Axis::whenAbsent).orElse("");
            }
            if (!Glob.anyMatches(e.getValue(), v)) {
                return false;
            }
        }
        return true;
    }
}
