package io.handshakematrix.report;

import io.handshakematrix.explain.SiblingFixes;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * reports/kb-detail.md and kb-detail.html: every cell of the run. RECEIVE_SIDE = DHE side as tables across the DH
 * groups (the product's sizes and its internal table), the RSA side as one row per pair and outcome (the DH file
 * does not apply to RSA key exchange), the harness's test-only groups in an appendix, the proven fixes per failing
 * group, and the exact error lines. Each cell carries its key (data-keys) for the browser test.
 */
final class KbDetail {
    static final String TITLE = "TLS handshake compatibility, full detail";

    private final KbFacts f;
    private final List<KbBlock> blocks = new ArrayList<>();

    private KbDetail(KbFacts facts) {
        this.f = facts;
    }

    static List<KbBlock> build(KbFacts facts) {
        return new KbDetail(facts).all();
    }

    private List<KbBlock> all() {
        blocks.add(new KbBlock.Heading(1, TITLE, null));
        blocks.add(new KbBlock.Para(f.header() + "."));
        blocks.add(new KbBlock.Para(KbText.counts(f.results) + " " + KbText.SETTINGS + " " + KbText.LEGEND));
        List<String> main = f.groups().stream().filter(g -> !f.testOnly(g)).toList();
        List<String> test = f.groups().stream().filter(f::testOnly).toList();
        dheTables(main, "");
        rsaTable();
        resolution();
        if (!test.isEmpty()) {
            blocks.add(new KbBlock.Heading(2, "Appendix: the harness's test-only DH groups", "appendix"));
            blocks.add(new KbBlock.Para("Deliberately broken groups (" + String.join(", ", test) + ") that test the"
                    + " stacks' checks; no product serves them and none is a setting."));
            dheTables(test, "test-only groups, ");
        }
        blocks.add(new KbBlock.Heading(2, "Exact error lines", "lines"));
        blocks.add(new KbBlock.Para(KbText.DAGGER));
        blocks.add(f.notesBlock());
        return blocks;
    }

    /** One table per (protocol, sender MinimumDHBits) for the DHE side, columns {@code groups}. */
    private void dheTables(List<String> groups, String what) {
        if (f.dheSide == null || groups.isEmpty()) {
            return;
        }
        Map<String, List<CellResult>> byTitle = new LinkedHashMap<>();
        for (CellResult r : f.results) {
            Cell c = r.cell();
            if (CellAxes.receiveSide(c).equals(f.dheSide) && groups.contains(CellAxes.dhGroup(c))) {
                byTitle.computeIfAbsent(MatrixLayout.title(c), k -> new ArrayList<>()).add(r);
            }
        }
        byTitle.forEach((title, cells) -> {
            MatrixLayout t = MatrixLayout.of(cells).get(0);
            blocks.add(new KbBlock.Heading(2, what + title, null));
            List<String> headers = new ArrayList<>(List.of("sender -> receiver"));
            t.columns().forEach(c -> headers.add("DH " + f.groupTitle(c)));
            List<List<KbBlock.Cell>> rows = new ArrayList<>();
            for (String row : t.rows()) {
                List<KbBlock.Cell> cellsOfRow = new ArrayList<>();
                cellsOfRow.add(KbBlock.Cell.plain(row));
                for (String col : t.columns()) {
                    CellResult r = t.at(row, col);
                    cellsOfRow.add(r == null ? KbBlock.Cell.plain("") : cell(List.of(r)));
                }
                rows.add(cellsOfRow);
            }
            blocks.add(new KbBlock.Table(null, headers, rows));
        });
    }

    /** RSA key exchange does not use the DH file: one row per pair and outcome, with the DH files it covers. */
    private void rsaTable() {
        if (f.rsaSide == null) {
            return;
        }
        Map<String, List<CellResult>> rows = new LinkedHashMap<>();
        for (CellResult r : f.results) {
            Cell c = r.cell();
            if (CellAxes.receiveSide(c).equals(f.rsaSide)) {
                KbCell k = KbCell.of(r, 0);
                rows.computeIfAbsent(MatrixLayout.row(c) + "|" + MatrixLayout.title(c) + "|" + k.verdict() + "|"
                        + k.words(), x -> new ArrayList<>()).add(r);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        blocks.add(new KbBlock.Heading(2, "RECEIVE_SIDE = " + f.rsaSide + " (RSA key exchange)", "rsa"));
        blocks.add(new KbBlock.Para("The DH file does not apply to RSA key exchange: one row per pair and outcome."));
        List<List<KbBlock.Cell>> out = new ArrayList<>();
        int total = f.groups().size();
        rows.forEach((k, cells) -> {
            String[] parts = k.split("\\|", -1);
            List<String> dh = cells.stream().map(r -> CellAxes.dhGroup(r.cell())).distinct().toList();
            out.add(List.of(KbBlock.Cell.plain(parts[0]), KbBlock.Cell.plain(parts[1]), cell(cells),
                    KbBlock.Cell.plain(dh.size() == total ? "all " + total + " DH files" : String.join(", ", dh))));
        });
        blocks.add(new KbBlock.Table("rsa-table", List.of("sender -> receiver", "setting", "result", "with DH files"), out));
    }

    /** A table cell standing for one or more cells of the same verdict: their keys, one footnote. */
    private KbBlock.Cell cell(List<CellResult> cells) {
        CellResult r = cells.get(0);
        KbCell k = KbCell.of(r, 0);
        String keys = String.join(" ", cells.stream().map(x -> x.cell().key()).toList());
        boolean differs = cells.stream().anyMatch(x -> !x.matches());
        return new KbBlock.Cell(k.mark() + " " + k.verdict() + " " + KbText.unmarked(k.words())
                + (differs ? " " + KbText.DIFFERS : ""),
                f.note(r), keys, k.verdict(), k.cssClass() + (differs ? " differs" : ""));
    }

    /** Per failing cell group: the fixes the results prove, ranked (declared [DH] keys from 1024 bits only). */
    private void resolution() {
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        Map<String, List<SiblingFixes.Fix>> fixesOf = new LinkedHashMap<>();
        for (CellResult r : f.results) {
            if (r.result().outcome() != Outcome.FAIL) {
                continue;
            }
            Cell c = r.cell();
            List<SiblingFixes.Fix> fx = f.fixes.of(c);
            String key = String.join("|", CellAxes.sender(c), CellAxes.variant(c), CellAxes.receiveSide(c), CellAxes.protocol(c),
                    Integer.toString(CellAxes.senderMinDhBits(c)), KbCell.of(r, 0).words(),
                    fx.stream().map(SiblingFixes.Fix::text).toList().toString());
            groups.computeIfAbsent(key, x -> new ArrayList<>()).add(r);
            fixesOf.put(key, fx);
        }
        blocks.add(new KbBlock.Heading(2, "Resolution", "resolution-heading"));
        blocks.add(new KbBlock.Para("For each failing group, the settings that made the same sender and receiver pass"
                + " in this very run (a cell that ran and passed, not a rule of thumb), best first: DHE before RSA,"
                + " then the tables most current peers accept. Only [DH] keys the product declares, from "
                + SiblingFixes.MIN_DH_BITS + " bits."));
        List<List<KbBlock.Cell>> rows = new ArrayList<>();
        groups.forEach((k, cells) -> {
            Cell c = cells.get(0).cell();
            List<String> receivers = cells.stream().map(r -> CellAxes.receiver(r.cell())).distinct().toList();
            List<String> dh = cells.stream().map(r -> CellAxes.dhGroup(r.cell())).distinct().toList();
            List<SiblingFixes.Fix> fx = fixesOf.get(k);
            rows.add(List.of(KbBlock.Cell.plain(CellAxes.sender(c)), KbBlock.Cell.plain(String.join(", ", receivers)),
                    KbBlock.Cell.plain("RECEIVE_SIDE = " + CellAxes.receiveSide(c) + ", DH " + String.join(" / ", dh)
                            + (CellAxes.senderMinDhBits(c) > 0 ? ", sender MinimumDHBits " + CellAxes.senderMinDhBits(c) : "")
                            + (CellAxes.variant(c).isEmpty() ? "" : ", " + CellAxes.variant(c))),
                    new KbBlock.Cell(KbText.unmarked(KbCell.of(cells.get(0), 0).words()), f.note(cells.get(0)), null, null,
                            null),
                    KbBlock.Cell.plain(fx.isEmpty() ? "none of the cells in these results passes with one setting changed"
                            : String.join("; or ", fx.stream().map(x -> KbText.span(x.change()) + x.text()
                            .substring(x.change().length())).toList()))));
        });
        blocks.add(new KbBlock.Table("resolution", List.of("sender", "receivers", "receiver setting", "symptom",
                "what makes it pass"), rows));
    }
}
