package io.handshakematrix.report;

import io.handshakematrix.explain.SiblingFixes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The fixed sentences both KB files share, so Markdown and HTML say the same thing. */
final class KbText {
    private KbText() {}

    static final String DIFFERS = "⚑ differs from matrix.yaml";

    static final String LEGEND = "Marks: ✔ OK (suite negotiated, secure ping answered); ✖ FAIL (the side that gave up, "
            + "its reason, the alert it sent); ⚠ TIMEOUT (no answer in time); ⚠ ERROR (the harness or its environment, never the stacks); "
            + "– SKIPPED; " + DIFFERS + ". ◆ marks a cell run against real software (which side, which engine); "
            + "every other cell ran both sides as emulated profiles. Numbers point to the exact error lines at the end.";

    static final String SETTINGS = "Settings are the receiver's configssl.cnf: " + span("[RSAKEY] RECEIVE_SIDE")
            + " and "
            + "" + span("[DH] DH_n_RECEIVE_SIDE = file.pem") + ".";

    static final String CODES = "✔ ok; ✖ S40: the sender gave up and sent alert 40 (R: the receiver; – no alert);"
            + " – not run; ⚑ differs from matrix.yaml. The number points to the exact error lines.";

    /** "◆ real sender (jvm)" for a cell with a real side; empty for an all-emulated cell. */
    static String realSoftware(String engineLabel) {
        String[] sides = engineLabel.split("->");
        String sender = sides[0];
        String receiver = sides.length > 1 ? sides[1] : sides[0];
        boolean realSender = !sender.equals("emulated");
        boolean realReceiver = !receiver.equals("emulated");
        if (realSender && realReceiver) {
            return "◆ real both sides (" + (sender.equals(receiver) ? sender : sender + ", " + receiver) + ")";
        }
        if (realSender) {
            return "◆ real sender (" + sender + ")";
        }
        return realReceiver ? "◆ real receiver (" + receiver + ")" : "";
    }

    /** "1368 cells: 869 OK, 367 FAIL, 132 SKIPPED; 0 differ from matrix.yaml." */
    static String counts(List<CellResult> results) {
        Map<Outcome, Integer> n = new EnumMap<>(Outcome.class);
        results.forEach(r -> n.merge(r.result().outcome(), 1, Integer::sum));
        long differ = results.stream().filter(r -> !r.matches()).count();
        return results.size() + " cells: " + n.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name())
                .collect(Collectors.joining(", ")) + "; " + differ + " differ from matrix.yaml.";
    }

    static String summaryIntro(KbFacts f, SiblingFixes.PeerFloor floor) {
        String peers = floor == null ? "This run has none of the product's current peers (" + String.join(", ",
                f.product.support().currentPeers()) + ") as a sender."
                : "Current peers among this run's senders (" + String.join(", ", floor.peers()) + ") all accept DH"
                + " from " + floor.bits() + " bits (" + floor.neededBy() + " needs " + floor.bits() + "); a real "
                + "OpenSSL 3.0 client needs 2048 (" + span("docs/evidence.md") + ").";
        return "RECEIVE_SIDE = " + f.rsaSide + " is RSA key exchange: no forward secrecy, and it fails where a side "
                + "has no RSA key exchange. The DH columns are for RECEIVE_SIDE = " + f.dheSide + "; groups under "
                + SiblingFixes.MIN_DH_BITS + " bits are never offered as a fix. " + peers + " The fix is the smallest "
                + "[DH] table the product declares that the pair passed with and the current peers accept.";
    }

    /** Opens and closes a code span in KB text; every other character of KB text is text (escaped when rendered). */
    static final char SPAN_OPEN = '\uE000';
    static final char SPAN_CLOSE = '\uE001';

    /**
     * {@code value} as a code span in KB text, whatever it holds: the renderers fence it (Markdown) or escape it
     * (HTML); a backtick in it is a backtick. The only way KB text marks code.
     */
    static String span(String value) {
        return SPAN_OPEN + value.replace(SPAN_OPEN, ' ').replace(SPAN_CLOSE, ' ') + SPAN_CLOSE;
    }

    /** Short code for a table cell: "✔", "✖ S40", "✖ R–", "–". */
    static String code(CellResult r) {
        HandshakeResult h = r.result();
        return switch (h.outcome()) {
            case OK -> "✔";
            case FAIL -> "✖ " + (h.failedSide() == null ? "?" : h.failedSide().label().substring(0, 1).toUpperCase())
                    + (h.alert() == null ? "–" : Integer.toString(h.alert().code()));
            case SKIPPED -> "–";
            case TIMEOUT -> "⚠ T";
            case ERROR -> "⚠ E";
            case NOT_RUN -> "…";
        };
    }

    /**
     * A profile's line as a reader should see it: a leading "[unverified] " (the line was taken from code, not seen
     * from a real build) becomes "†", explained next to the footnotes.
     */
    static String unmarked(String line) {
        return line.replace("[unverified] ", "† ");
    }

    /** A profile's line for the article to paste: the unverified marker dropped (kb-detail keeps it as †). */
    static String plain(String line) {
        return line.replace("[unverified] ", "");
    }

    /** {@link #words} without the unverified marker, for the article to paste. */
    static String plainWords(String reason) {
        return words(plain(reason));
    }

    static final String DAGGER = "† marks a line taken from the stack's code, not yet seen from a real build.";

    /** A reason in words: without a Java exception class name or the unverified marker. */
    static String words(String reason) {
        return unmarked(reason).replaceFirst("^(?:[a-z][a-z0-9]*\\.)+[A-Z]\\w*: ", "");
    }

    /** ", alert 40" or ", no alert". */
    static String alertWords(HandshakeResult h) {
        return h.alert() == null ? ", no alert" : ", alert " + h.alert().code();
    }
}
