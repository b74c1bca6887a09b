package io.handshakematrix.report;

import io.handshakematrix.explain.LineIndex;
import io.handshakematrix.explain.LogLine;
import io.handshakematrix.explain.SiblingFixes;
import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.OpensslErrorLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * reports/kb.md and kb.html, the article to paste: a summary row per sender -> receiver first, then "If your log
 * says...", then only the pairs and groups that fail, each failure with its exact lines. The full tables are in
 * kb-detail.md ({@link KbDetail}).
 */
final class KbArticle {
    static final String TITLE = "TLS handshake compatibility: sender (TLS client) -> receiver (TLS server)";
    /**
     * The lines printed most, four: with the RHEL 8/9/10 upgrade cells in the default matrix a fifth took kb.md past
     * its 15 KB; every failure's lines are in its own article under kb/, and explain answers any other line.
     */
    private static final int LOG_LINES = 4;
    private static final int CAUSES_PER_LINE = 2;

    private final KbFacts f;
    private final List<KbBlock> blocks = new ArrayList<>();

    private KbArticle(KbFacts facts) {
        this.f = facts;
    }

    static List<KbBlock> build(KbFacts facts) {
        return new KbArticle(facts).all();
    }

    private List<KbBlock> all() {
        blocks.add(new KbBlock.Heading(1, TITLE, null));
        blocks.add(new KbBlock.Para(KbText.counts(f.results) + " Every cell is a real TLS handshake on 127.0.0.1 "
                + "between the two stacks. " + KbText.SETTINGS + " Full tables, test-only groups and every fix: "
                + KbText.span("kb-detail.md") + "; one support article per failure and the OS compatibility tables: "
                + KbText.span("kb/index.md") + "."));
        differing();
        summary();
        logSection();
        failures();
        blocks.add(new KbBlock.Heading(2, "Exact error lines", "lines"));
        blocks.add(new KbBlock.Para("One example per kind of failure: each side's first line as the stack prints "
                + "it. Every line, marked where not yet seen from a real build: " + KbText.span("kb-detail.md") + "."));
        blocks.add(f.notesBlock(false));
        // the run's stamps (date, digest, JVM) are for whoever reproduces the run: last, not in the reader's way
        blocks.add(new KbBlock.Para(f.header() + "."));
        return blocks;
    }

    /** Cells whose outcome differs from matrix.yaml come first: a finding, or a stale expectation. */
    private void differing() {
        List<String> items = f.results.stream().filter(r -> !r.matches()).map(r -> KbText.DIFFERS + ": "
                + r.cell().displayName() + ": " + String.join("; ", r.differences())).toList();
        if (!items.isEmpty()) {
            blocks.add(new KbBlock.Heading(2, items.size() + (items.size() == 1 ? " cell differs" : " cells differ")
                    + " from matrix.yaml", "differs"));
            blocks.add(new KbBlock.Items(items.size() > 20 ? items.subList(0, 20) : items));
            if (items.size() > 20) {
                blocks.add(new KbBlock.Para("... and " + (items.size() - 20) + " more in " + KbText.span("kb-detail.md")
                        + "."));
            }
        }
    }

    private void summary() {
        blocks.add(new KbBlock.Heading(2, "Summary", "summary"));
        SiblingFixes.PeerFloor floor = f.dheSide == null ? null : f.fixes.currentPeerFloor(f.dheSide);
        blocks.add(new KbBlock.Para(KbText.summaryIntro(f, floor)));
        if (f.rsaSide != null && f.dheSide != null) {
            // the sentence itself is in kb/compatibility.md and the articles; this file must stay under 15 KB
            blocks.add(new KbBlock.Para("Which of the two fixes (a 1024-bit [DH] table, RECEIVE_SIDE = " + f.rsaSide
                    + ") survive RHEL 8, 9 and 10: " + KbText.span("kb/compatibility.md") + "."));
        }
        KbRows rows = new KbRows();
        List<String> notRun = new ArrayList<>();
        // a pair run under several protocols gets one row when they agree (with a RHEL 6/7 peer, protocols default is
        // TLS 1.2), a row per protocol, labelled, where they do not
        Map<String, Map<String, List<KbBlock.Cell>>> byPair = new LinkedHashMap<>();
        for (String[] p : f.pairs()) {
            List<CellResult> rsa = f.rsaSide == null ? List.of() : f.cells(p[0], p[1], f.rsaSide, p[2], 0);
            List<CellResult> dhe = f.dheSide == null ? List.of() : f.cells(p[0], p[1], f.dheSide, p[2], 0);
            if (java.util.stream.Stream.concat(rsa.stream(), dhe.stream())
                    .allMatch(r -> r.result().outcome() == Outcome.SKIPPED)) {
                notRun.add(p[0] + " -> " + p[1] + (f.protocols().size() > 1 ? " (" + p[2] + ")" : ""));
                continue;
            }
            String smallest = smallestOk(dhe);
            Integer peers = floor == null ? null : floor.bits();
            // what the current peers need is one figure for the run: the intro gives it, not a column
            byPair.computeIfAbsent(p[0] + "\u0000" + p[1], k -> new LinkedHashMap<>()).put(p[2], List.of(
                    KbBlock.Cell.plain(f.rsaSide == null ? "–" : yes(rsa)),
                    KbBlock.Cell.plain(smallest == null ? (dhe.isEmpty() ? "–" : "none") : smallest),
                    KbBlock.Cell.plain(fix(dhe, rsa, peers))));
        }
        byPair.forEach((pair, protocols) -> {
            String[] sr = pair.split("\u0000");
            boolean agree = new java.util.HashSet<>(protocols.values()).size() == 1;
            protocols.forEach((protocol, cells) -> {
                if (!agree) {
                    rows.add(sr[0], sr[1] + " (" + protocol + ")", cells);
                } else if (protocol.equals(protocols.keySet().iterator().next())) {
                    rows.add(sr[0], sr[1], cells);
                }
            });
        });
        if (!rows.isEmpty()) {
            blocks.add(new KbBlock.Table("summary-table", List.of("sender -> receiver",
                    "RECEIVE_SIDE = " + f.rsaSide, "smallest DH with " + f.dheSide, "one-line fix"), rows.merged()));
        }
        variantSummary(notRun);
        if (!notRun.isEmpty()) {
            blocks.add(new KbBlock.Para("Not run (every cell skipped, reasons in " + KbText.span("kb-detail.md") + "): "
                    + String.join(", ", notRun) + "."));
        }
    }

    /**
     * The receiver setups beyond the product's (another certificate, the stack's own suite list): rows of their
     * own, labelled by those axes, each RECEIVE_SIDE value's verdicts, and a fix only when a cell of the same setup
     * proves it (an ECDSA receiver's failure is never answered by an RSA receiver's DH table).
     */
    private void variantSummary(List<String> notRun) {
        List<String> sides = f.product.receiveSideSuites().keySet().stream().toList();
        KbRows rows = new KbRows();
        boolean policies = false;
        for (String variant : f.variants()) {
            if (variant.matches("(?:(?:sender|receiver) policy [^,]+(?:, )?)+")) {
                policies = true; // the OS tables of kb/compatibility.md have them, by release and policy
                continue;
            }
            for (String[] p : f.pairs(variant)) {
                List<List<CellResult>> bySide = sides.stream().map(s -> f.cells(p[0], p[1], s, p[2], 0, variant)).toList();
                if (bySide.stream().flatMap(List::stream).allMatch(r -> r.result().outcome() == Outcome.SKIPPED)) {
                    notRun.add(p[0] + " -> " + p[1] + " (" + variant + ")");
                    continue;
                }
                List<KbBlock.Cell> cells = new ArrayList<>();
                cells.add(KbBlock.Cell.plain(variant + (f.protocols().size() > 1 ? ", " + p[2] : "")));
                for (List<CellResult> side : bySide) {
                    int note = side.stream().filter(r -> r.result().outcome() == Outcome.FAIL).findFirst()
                            .map(f::symptomNote).orElse(0);
                    cells.add(new KbBlock.Cell(side.isEmpty() ? "–" : yes(side), note, null, null, null));
                }
                cells.add(KbBlock.Cell.plain(variantFix(bySide.stream().flatMap(List::stream).toList())));
                rows.add(p[0], p[1], cells);
            }
        }
        if (policies) {
            blocks.add(new KbBlock.Para("Senders and receivers under a crypto policy other than DEFAULT: "
                    + KbText.span("kb/compatibility.md") + "."));
        }
        if (rows.isEmpty()) {
            return;
        }
        blocks.add(new KbBlock.Para("Other receiver setups in this run, apart from the product's own: "
                + KbText.span("certificate") + " is the receiver's key, " + KbText.span("receiver suites default")
                + " the stack's own DEFAULT list (RECEIVE_SIDE then does not choose the suites). A fix is offered only"
                + " where a cell of the same setup proves it."));
        List<String> headers = new ArrayList<>(List.of("sender -> receiver", "receiver setup"));
        sides.forEach(s -> headers.add("RECEIVE_SIDE = " + s));
        headers.add("one-line fix");
        blocks.add(new KbBlock.Table("summary-variants", headers, rows.merged()));
    }

    /** The first proven fix of a failing cell of one setup, "–" when every cell passed. */
    private String variantFix(List<CellResult> cells) {
        List<CellResult> failed = cells.stream().filter(r -> r.result().outcome() == Outcome.FAIL).toList();
        if (failed.isEmpty()) {
            return "–";
        }
        return failed.stream().map(r -> f.fixes.of(r.cell())).filter(x -> !x.isEmpty()).findFirst()
                .map(x -> KbText.span(x.get(0).change())).orElse("none in this run");
    }

    /** RSA side over all its DH files: one verdict when they agree (they should: RSA does not use the DH file). */
    private static String yes(List<CellResult> cells) {
        Set<String> verdicts = new LinkedHashSet<>();
        for (CellResult r : cells) {
            HandshakeResult h = r.result();
            verdicts.add(switch (h.outcome()) {
                case OK -> "✔ " + h.cipher();
                case FAIL -> "✖ " + h.failedSide().label() + ": " + KbText.plainWords(h.reason());
                case SKIPPED -> "– not run";
                default -> "⚠ " + h.outcome().label();
            });
        }
        return verdicts.isEmpty() ? "–" : String.join(" / ", verdicts);
    }

    /** "1024", or "2048 (ffdhe2048)" where the smallest passing group is a named one; null when none passed. */
    private static String smallestOk(List<CellResult> dhe) {
        return dhe.stream().filter(r -> r.result().outcome() == Outcome.OK && r.result().dhBits() != null)
                .min(java.util.Comparator.comparingInt(r -> r.result().dhBits()))
                .map(r -> r.result().dhBits() + (KbFacts.isSize(CellAxes.dhGroup(r.cell())) ? ""
                        : " (" + CellAxes.dhGroup(r.cell()) + ")")
                        + (r.result().dhBits() < SiblingFixes.MIN_DH_BITS ? " (no fix)" : ""))
                .orElse(null);
    }

    /** The pair's one-line fix: the smallest declared table >= 1024 it passes with that current peers accept too. */
    private String fix(List<CellResult> dhe, List<CellResult> rsa, Integer peers) {
        int need = Math.max(SiblingFixes.MIN_DH_BITS, peers == null ? 0 : peers);
        Integer best = null;
        Integer fallback = null;
        for (Map.Entry<String, Integer> k : f.product.dhKeys().entrySet()) {
            int bits = k.getValue();
            if (bits < SiblingFixes.MIN_DH_BITS || dhe.stream().noneMatch(r -> CellAxes.dhGroup(r.cell())
                    .equals(Integer.toString(bits)) && r.result().outcome() == Outcome.OK)) {
                continue;
            }
            if (bits >= need && (best == null || bits < best)) {
                best = bits;
            }
            if (fallback == null || bits < fallback) {
                fallback = bits;
            }
        }
        Integer chosen = best != null ? best : fallback;
        if (chosen != null) {
            return KbText.span("[DH] " + f.product.keyFor(chosen) + " = " + f.product.suggestedFile(chosen))
                    + (best == null ? " (current peers need " + need + ": not run here)" : "");
        }
        boolean rsaOk = !rsa.isEmpty() && rsa.stream().allMatch(r -> r.result().outcome() == Outcome.OK);
        boolean ownGroupOk = dhe.stream().anyMatch(r -> r.result().outcome() == Outcome.OK);
        if (ownGroupOk) {
            return "none needed: DHE works with the receiver's own group";
        }
        return rsaOk ? KbText.span("[RSAKEY] RECEIVE_SIDE = " + f.rsaSide) + " (no DH table passed; no forward secrecy)"
                : "none in this run";
    }

    /** "If your log says...": the lines the most failed cells printed, each with its causes and best fix. */
    private void logSection() {
        blocks.add(new KbBlock.Heading(2, "If your log says...", "log"));
        String prefix = f.product.support().logPrefixes().isEmpty() ? ""
                : " The product wraps them: " + KbText.span(KbSupportArticles.wrapped(f.product.support(), "LINE")) + ".";
        blocks.add(new KbBlock.Para("The lines the stacks printed most often in this run, what each means, and what"
                + " to ask for." + prefix + " " + KbText.span("handshake-matrix explain \"LINE\"")
                + " answers any other line."));
        LineIndex index = new LineIndex(f.results, f.product);
        Map<String, Integer> byReason = new LinkedHashMap<>();
        Map<String, String> example = new LinkedHashMap<>();
        for (CellResult r : f.results) {
            if (r.result().outcome() != Outcome.FAIL) {
                continue;
            }
            for (String l : firstLines(r.result())) {
                String key = OpensslErrorLine.reason(l).toLowerCase();
                byReason.merge(key, 1, Integer::sum);
                example.putIfAbsent(key, l);
            }
        }
        List<String> items = new ArrayList<>();
        byReason.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(LOG_LINES)
                .forEach(e -> items.add(logItem(index.lookup(LogLine.of(example.get(e.getKey()), f.product.support())))));
        blocks.add(new KbBlock.Items(items));
    }

    /** Each side's first line of a failed cell: what its log shows first. */
    private static List<String> firstLines(HandshakeResult h) {
        List<String> out = new ArrayList<>();
        if (!h.senderErrors().isEmpty()) {
            out.add(h.senderErrors().get(0).split("\n")[0]);
        }
        if (!h.receiverErrors().isEmpty()) {
            out.add(h.receiverErrors().get(0).split("\n")[0]);
        }
        return out;
    }

    /**
     * The causes of a line in the order a reader of that line needs them: a line saying its side received an alert
     * ("SSL alert number 40") first by the causes where the peer refused, and among those the receiver's (the
     * product whose configssl.cnf the KB fixes), before the causes where the printing side refused itself; then
     * by cells.
     */
    static List<LineIndex.Cause> forReader(LineIndex.Answer a) {
        boolean received = io.handshakematrix.explain.CaseReading.receivedAlert(a.line()).isPresent();
        return a.causes().stream().sorted(java.util.Comparator
                .comparing((LineIndex.Cause c) -> received == (c.printedBy() == c.failedSide()))
                .thenComparing(c -> received && c.printedBy() != io.handshakematrix.model.Side.RECEIVER)
                .thenComparing(c -> -c.cells())).toList();
    }

    private String logItem(LineIndex.Answer a) {
        StringBuilder sb = new StringBuilder(KbText.span(KbText.plain(a.line().text())) + ": ");
        List<String> parts = new ArrayList<>();
        // the same cause under another setup (a crypto policy, a certificate) is one cause here, its cells added up;
        // explain keeps them apart
        Map<String, List<LineIndex.Cause>> alike = new LinkedHashMap<>();
        for (LineIndex.Cause c : forReader(a)) {
            alike.computeIfAbsent(c.meaning().replaceFirst(" \\(with [^)]*\\)", ""), k -> new ArrayList<>()).add(c);
        }
        for (List<LineIndex.Cause> same : alike.values().stream().limit(CAUSES_PER_LINE).toList()) {
            LineIndex.Cause c = same.get(0);
            int cells = same.stream().mapToInt(LineIndex.Cause::cells).sum();
            String ask = c.printedBy() != c.failedSide() ? "; the " + c.failedSide().label() + "'s log says "
                    + KbText.span(KbText.plainWords(OpensslErrorLine.reason(c.refusingLine()))) : "";
            String fix = c.fixes().isEmpty() ? "" : "; fix: " + KbText.span(c.fixes().get(0).fix().change());
            parts.add(KbText.plain(c.meaning()) + " (" + cells + " cells" + ask + ")" + fix);
        }
        if (alike.size() > CAUSES_PER_LINE) {
            parts.add((alike.size() - CAUSES_PER_LINE) + " rarer causes in " + KbText.span("explain") + "");
        }
        return sb.append(String.join("; or ", parts)).append('.').toString();
    }

    /** Only where something fails: DHE by DH group (short codes), then the pairs where RSA fails. */
    private void failures() {
        List<String> groups = f.groups().stream().filter(g -> !f.testOnly(g)).toList();
        Map<String, List<KbBlock.Cell>> shown = new java.util.HashMap<>();
        for (String protocol : f.protocols()) {
            KbRows rows = new KbRows();
            for (String[] p : f.pairs()) {
                if (!p[2].equals(protocol) || f.dheSide == null) {
                    continue;
                }
                List<CellResult> row = groups.stream().map(g -> f.at(CellAxes.of(p[0], p[1], f.dheSide, g, protocol)))
                        .toList();
                if (row.stream().noneMatch(r -> r != null && r.result().outcome() == Outcome.FAIL)) {
                    continue;
                }
                List<KbBlock.Cell> cells = row.stream().map(r -> r == null ? KbBlock.Cell.plain("")
                        : new KbBlock.Cell(KbText.code(r) + (r.matches() ? "" : " ⚑"), f.symptomNote(r), null, null,
                                null)).toList();
                // the same pair failing alike under an earlier protocol's table is not repeated
                if (!cells.equals(shown.putIfAbsent(p[0] + "\u0000" + p[1], cells))) {
                    rows.add(p[0], p[1], cells);
                }
            }
            if (rows.isEmpty()) {
                continue;
            }
            blocks.add(new KbBlock.Heading(2, "Where RECEIVE_SIDE = " + f.dheSide + " fails, by DH group (" + protocol
                    + ")", null));
            blocks.add(new KbBlock.Para(KbText.CODES + " Pairs that pass every group are left out; the harness's"
                    + " test-only groups are in " + KbText.span("kb-detail.md") + "."));
            List<String> headers = new ArrayList<>(List.of("sender -> receiver"));
            groups.forEach(g -> headers.add(f.groupTitle(g)));
            blocks.add(new KbBlock.Table(null, headers, rows.merged()));
        }
        if (f.rsaSide == null) {
            return;
        }
        KbRows rsaRows = new KbRows();
        for (String[] p : f.pairs()) {
            f.cells(p[0], p[1], f.rsaSide, p[2], 0).stream().filter(r -> r.result().outcome() == Outcome.FAIL).findFirst()
                    .ifPresent(r -> rsaRows.add(p[0], p[1], List.of(new KbBlock.Cell(r.result().failedSide().label()
                            + ": " + KbText.plainWords(r.result().reason()) + KbText.alertWords(r.result()),
                            f.symptomNote(r), null, null, null))));
        }
        if (!rsaRows.isEmpty()) {
            blocks.add(new KbBlock.Heading(2, "Where RECEIVE_SIDE = " + f.rsaSide + " fails", null));
            blocks.add(new KbBlock.Para("RSA key exchange is not available everywhere: these pairs fail with it"
                    + " whatever DH file the receiver has."));
            blocks.add(new KbBlock.Table(null, List.of("sender -> receiver", "who refused"), rsaRows.merged()));
        }
    }
}
