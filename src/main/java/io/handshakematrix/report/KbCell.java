package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;

/**
 * One KB table cell: a text mark and verdict word (so the table reads without colour), a few words on what
 * happened, the number of the footnote holding the exact error lines (0 = none), and whether the cell differs
 * from its matrix.yaml expectation.
 */
public record KbCell(String mark, String verdict, String words, int footnote, boolean differs) {

    public static KbCell of(CellResult cr, int footnote) {
        KbCell c = verdictOf(cr, footnote);
        String real = KbText.realSoftware(cr.engine());
        return real.isEmpty() ? c : new KbCell(c.mark, c.verdict, c.words + " " + real, c.footnote, c.differs);
    }

    private static KbCell verdictOf(CellResult cr, int footnote) {
        HandshakeResult r = cr.result();
        return switch (r.outcome()) {
            case OK -> new KbCell("✔", "OK", r.cipher() + (r.dhBits() != null ? ", DH " + r.dhBits() : ""), 0, !cr.matches());
            case FAIL -> new KbCell("✖", "FAIL", (r.failedSide() == null ? "" : r.failedSide().label() + ": ") + r.reason()
                    + (r.alert() == null ? ", no alert" : ", alert " + r.alert().code()), footnote, !cr.matches());
            case TIMEOUT -> new KbCell("⚠", "TIMEOUT", "no answer in time", footnote, !cr.matches());
            case ERROR -> new KbCell("⚠", "ERROR", "harness or environment error", footnote, !cr.matches());
            case SKIPPED -> new KbCell("–", "SKIPPED", "not run", footnote, !cr.matches());
            case NOT_RUN -> new KbCell("…", "NOT RUN", "run cut short", footnote, false);
        };
    }

    /** The exact strings a footnote quotes: both sides' error lines, or the harness's detail. */
    public static String footnoteText(CellResult cr) {
        HandshakeResult r = cr.result();
        StringBuilder sb = new StringBuilder();
        r.senderErrors().forEach(l -> sb.append("sender: ").append(l).append('\n'));
        r.receiverErrors().forEach(l -> sb.append("receiver: ").append(l).append('\n'));
        if (sb.isEmpty() && r.detail() != null && r.outcome() != io.handshakematrix.model.Outcome.OK) {
            sb.append(r.detail()).append('\n');
        }
        return sb.toString().strip();
    }

    /** CSS class for the HTML page; the colour only repeats what mark and word already say. */
    public String cssClass() {
        return "v-" + verdict.toLowerCase();
    }
}
