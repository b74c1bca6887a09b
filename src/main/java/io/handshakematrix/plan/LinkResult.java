package io.handshakematrix.plan;

import io.handshakematrix.diagnose.Explanation;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.util.List;

/**
 * One link before and after the planned changes: both cells, both real handshakes, what that means for the
 * link, why each failing side failed ({@code null} where it worked), and after the change, for a failing link,
 * the changes tried on it, each verified by a handshake ({@code options}, working ones first).
 */
public record LinkResult(Link link, Cell before, HandshakeResult beforeResult, Cell after, HandshakeResult afterResult,
                         Explanation whyBefore, Explanation whyAfter, List<FixOption> options) {

    public enum Category {
        BREAKS("breaks", "worked before the change, fails after it"),
        STARTS_WORKING("starts to work", "failed before the change, works after it"),
        STAYS_BROKEN("stays broken", "fails before and after the change"),
        KEEPS_WORKING("keeps working", "works before and after the change");

        private final String label;
        private final String meaning;

        Category(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        public String label() { return label; }

        public String meaning() { return meaning; }
    }

    public Category category() {
        boolean b = ok(beforeResult);
        boolean a = ok(afterResult);
        return b ? (a ? Category.KEEPS_WORKING : Category.BREAKS) : (a ? Category.STARTS_WORKING : Category.STAYS_BROKEN);
    }

    /**
     * A side of this link gave no stack verdict (a cell that cannot run here, a harness error, a timeout): the
     * plan cannot vouch for the link either way.
     */
    public boolean harnessTrouble() {
        return trouble(beforeResult) || trouble(afterResult);
    }

    /** The result that gave no verdict, in words. */
    public String troubleSummary() {
        return (trouble(beforeResult) ? beforeResult : afterResult).summary();
    }

    static boolean ok(HandshakeResult r) {
        return r.outcome() == Outcome.OK;
    }

    private static boolean trouble(HandshakeResult r) {
        return r.outcome() != Outcome.OK && r.outcome() != Outcome.FAIL;
    }
}
