package io.handshakematrix.cli;

import io.handshakematrix.diagnose.Explainer;
import io.handshakematrix.explain.LineIndex;
import java.io.PrintStream;
import java.util.List;

/** explain's answer for one line, as short indented paragraphs. */
final class ExplainText {
    private static final int MAX_PRINTERS = 8;
    private static final int MAX_FIXES = 4;

    private ExplainText() {}

    static void answer(PrintStream out, LineIndex.Answer a, Explainer why, String productFile,
                       List<io.handshakematrix.explain.ProfileLines.Known> profiles, boolean alertKnown) {
        out.println("Line: " + a.line().text());
        if (a.line().wrapped()) {
            out.println("  (the TLS library's line inside the product's prefix; prefixes: " + productFile + ")");
        }
        if (!profiles.isEmpty()) {
            out.println("The stack profiles print it when their own rule refuses (profile data, run or not):");
            profiles.stream().map(k -> "  " + k.side().label() + " " + k.stack() + ": " + k.rule()).distinct()
                    .limit(MAX_PRINTERS).forEach(out::println);
        }
        if (!a.known()) {
            out.println(profiles.isEmpty() && !alertKnown ? "Unknown: no cell of this run and no stack profile prints this line."
                    : "Not seen in this run: no cell printed it, so no cause or fix is measured.");
            if (!a.nearest().isEmpty()) {
                out.println("Nearest known lines:");
                a.nearest().forEach(l -> out.println("  " + l));
            }
            return;
        }
        out.println("Printed in this run by:");
        List<LineIndex.Printer> ps = a.printers();
        for (int i = 0; i < Math.min(ps.size(), MAX_PRINTERS); i++) {
            LineIndex.Printer p = ps.get(i);
            out.println("  " + p.side().label() + " " + p.stack() + " (" + p.cells() + " cells): " + p.line());
        }
        if (ps.size() > MAX_PRINTERS) {
            out.println("  ... and " + (ps.size() - MAX_PRINTERS) + " more stack/line pairs");
        }
        out.println("Causes the matrix has seen for it, most cells first:");
        int n = 0;
        for (LineIndex.Cause c : a.causes()) {
            out.println("  " + ++n + ". " + c.cells() + (c.cells() == 1 ? " cell: " : " cells: ") + c.meaning() + ".");
            if (c.printedBy() != c.failedSide()) {
                out.println("     Ask the customer for the " + c.failedSide().label() + "'s log; there it says: "
                        + c.refusingLine());
            } else {
                out.println("     The " + c.failedSide().peer().label() + "'s log shows (ask for it to confirm): "
                        + c.otherLine());
            }
            out.println("     senders: " + String.join(", ", c.senders()) + "; receivers: "
                    + String.join(", ", c.receivers()) + "; DH groups: " + String.join(", ", c.dhGroups()));
            try {
                out.println("     e.g. " + c.example().cell().displayName() + ": "
                        + why.explain(c.example().cell(), c.example().result()).sentence());
            } catch (RuntimeException e) {
                // a profile or PEM of that run is not at hand here: the example goes without its sentence
                out.println("     e.g. " + c.example().cell().displayName());
            }
            if (c.fixes().isEmpty()) {
                out.println("     No one-setting change passed in these results.");
            } else {
                out.println("     Fixes these results prove (one setting changed, the sibling cell passed):");
                c.fixes().stream().limit(MAX_FIXES).forEach(f -> out.println("       " + f.fix().text()
                        + ": fixed " + f.cells() + " of " + c.cells() + " cells"));
            }
        }
    }

    /**
     * The fixes for the whole case, in the one ranking: those the results prove for the refusal the lines show (the
     * same rule, whichever stack printed it in the results: the receiver's group is what the fix changes), taken from
     * the cause with the most cells, and where the fix's DH file comes from.
     */
    static void caseFixes(PrintStream out, List<LineIndex.Answer> answers,
                          io.handshakematrix.explain.CaseReading.Refusal refusal, String source,
                          io.handshakematrix.config.ProductProfile product, io.handshakematrix.dh.DhGroupCatalog groups) {
        LineIndex.Cause best = answers.stream().flatMap(a -> a.causes().stream())
                .filter(c -> c.printedBy() == c.failedSide() && refusal.rule().equals(c.rule()) && !c.fixes().isEmpty())
                .max(java.util.Comparator.comparingInt(LineIndex.Cause::cells)).orElse(null);
        if (best == null) {
            out.println("No fix for rule " + refusal.rule() + " is proven in " + source + ".");
            return;
        }
        List<io.handshakematrix.explain.SiblingFixes.Fix> fixes = best.fixes().stream().map(LineIndex.FixCount::fix)
                .sorted(io.handshakematrix.explain.SiblingFixes.RANK).toList();
        out.println("Fixes for this case, best first (one ranking: the same order and peer counts as diagnose; each proven"
                + " in " + source + " by the cell with that one setting changed; receivers "
                + String.join(", ", best.receivers()) + "):");
        for (int i = 0; i < fixes.size(); i++) {
            out.println("  " + (i + 1) + ". " + fixes.get(i).text());
        }
        io.handshakematrix.diagnose.FixFile.explain(fixes.get(0).change(), product, groups, null)
                .forEach(l -> out.println("  " + l));
    }

    /**
     * What the profiles alone say about a line: the rules that print it (with what they found wrong and the alert
     * they send), or for a received alert, the peer rules that send it.
     */
    static void profileReading(PrintStream out, List<io.handshakematrix.explain.CaseReading.Refusal> refusals,
                               List<io.handshakematrix.explain.CaseReading.Refusal> alertSenders) {
        if (!refusals.isEmpty()) {
            out.println("What it means (profile rules that print it):");
            refusals.stream().map(r -> "  " + r.side().label() + " " + r.stack().id() + ": rule " + r.rule() + ": "
                    + r.meaning() + "; sends " + r.alertText()).distinct().limit(MAX_PRINTERS).forEach(out::println);
        }
        if (!alertSenders.isEmpty()) {
            out.println("The peer sent that alert; profile rules that send it (the product's bundled library first):");
            alertSenders.stream().map(r -> "  " + r.side().label() + " " + r.stack().id() + ": rule " + r.rule() + " ("
                    + r.meaning() + "), its log says: " + r.line()).distinct().limit(MAX_PRINTERS).forEach(out::println);
            if (alertSenders.size() > MAX_PRINTERS) {
                out.println("  ... and " + (alertSenders.size() - MAX_PRINTERS) + " more");
            }
        }
    }
}
