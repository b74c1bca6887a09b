package io.handshakematrix.report;

import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The table the product's KB publishes: rows are sender OS releases, columns receiver OS releases, one table per
 * RECEIVE_SIDE value; each cell says whether it works, with the short reason when it fails, and for a DHE setting
 * the smallest [DH] table that works. Built from the run's cells of the product's own setup; the OS releases are
 * the run's stacks ({@link OsRelease}), so a new release's profile adds its row and column by itself.
 */
final class KbCompatibility {
    static final String TITLE = "TLS compatibility between OS releases (configssl.cnf settings)";

    private KbCompatibility() {}

    static List<KbBlock> build(KbFacts f) {
        List<CellResult> own = f.results.stream().filter(r -> r.cell().extras().isEmpty())
                .filter(r -> CellAxes.senderMinDhBits(r.cell()) == 0).toList();
        List<OsRelease> senders = releases(own, true);
        List<OsRelease> receivers = releases(own, false);
        List<KbBlock> out = new ArrayList<>();
        out.add(new KbBlock.Heading(1, TITLE, null));
        out.add(new KbBlock.Para("Which receiver setting works between two OS releases, each sender (TLS client) row "
                + "against each receiver (TLS server) column, with the releases' own TLS libraries. A DH size names "
                + "the smallest " + KbText.span("[DH] DH_n_RECEIVE_SIDE") + " table that works; tables under 1024 "
                + "bits are never recommended. Every cell is a real handshake of this run."));
        for (String side : f.product.receiveSideSuites().keySet()) {
            boolean dhe = f.product.receiveSideSuites().get(side).stream().anyMatch(CipherSuites::isDhe);
            out.add(new KbBlock.Heading(2, "RECEIVE_SIDE = " + side + " (" + String.join(", ",
                    f.product.receiveSideSuites().get(side)) + ")", null));
            List<String> headers = new ArrayList<>();
            headers.add("sender / receiver");
            receivers.forEach(r -> headers.add(r.label()));
            List<List<KbBlock.Cell>> rows = new ArrayList<>();
            for (OsRelease s : senders) {
                List<KbBlock.Cell> row = new ArrayList<>();
                row.add(KbBlock.Cell.plain(s.label()));
                for (OsRelease r : receivers) {
                    List<CellResult> pair = own.stream().filter(c -> CellAxes.sender(c.cell()).equals(s.stack())
                            && CellAxes.receiver(c.cell()).equals(r.stack())
                            && CellAxes.receiveSide(c.cell()).equals(side)).toList();
                    row.add(KbBlock.Cell.plain(dhe ? dheCell(f, pair) : plainCell(pair)));
                }
                rows.add(row);
            }
            out.add(new KbBlock.Table("compat-" + side.toLowerCase(java.util.Locale.ROOT), headers, rows));
        }
        out.add(new KbBlock.Para("✔ works, ✖ fails (the side that refused and its reason), – not run. "
                + f.header() + "."));
        return out;
    }

    private static List<OsRelease> releases(List<CellResult> cells, boolean sender) {
        TreeSet<OsRelease> out = new TreeSet<>(OsRelease.ORDER);
        cells.forEach(c -> OsRelease.of(sender ? CellAxes.sender(c.cell()) : CellAxes.receiver(c.cell()))
                .ifPresent(out::add));
        return List.copyOf(out);
    }

    /** RSA key exchange: the DH table plays no part, so any cell of the pair answers. */
    private static String plainCell(List<CellResult> pair) {
        if (pair.isEmpty()) {
            return "–";
        }
        return pair.stream().anyMatch(c -> c.result().outcome() == Outcome.OK) ? "✔ works"
                : "✖ " + refusal(pair.get(0));
    }

    /** DHE: the smallest declared table (from 1024 bits) that works, and what the blank [DH] (internal table) does. */
    private static String dheCell(KbFacts f, List<CellResult> pair) {
        if (pair.isEmpty()) {
            return "–";
        }
        Map<String, Integer> keys = f.product.dhKeys();
        Integer smallest = keys.values().stream().filter(b -> b >= 1024).sorted()
                .filter(b -> pair.stream().anyMatch(c -> CellAxes.dhGroup(c.cell()).equals(Integer.toString(b))
                        && c.result().outcome() == Outcome.OK))
                .findFirst().orElse(null);
        CellResult internal = pair.stream().filter(c -> CellAxes.dhGroup(c.cell()).equals(f.product.internalGroup()))
                .findFirst().orElse(null);
        String blank = internal == null ? "" : "; blank [DH]: " + (internal.result().outcome() == Outcome.OK ? "✔"
                : "✖ " + refusal(internal));
        if (smallest != null) {
            String key = keys.entrySet().stream().filter(e -> e.getValue().equals(smallest)).map(Map.Entry::getKey)
                    .findFirst().orElse("");
            return "✔ from " + smallest + " bits (" + KbText.span(key) + ")" + blank;
        }
        CellResult worst = pair.stream().filter(c -> c.result().outcome() == Outcome.FAIL)
                .max(Comparator.comparing(c -> KbFacts.isSize(CellAxes.dhGroup(c.cell()))
                        ? Integer.parseInt(CellAxes.dhGroup(c.cell())) : 0)).orElse(pair.get(0));
        return "✖ " + refusal(worst) + blank;
    }

    /** "sender: dh key too small" */
    static String refusal(CellResult c) {
        if (c.result().outcome() != Outcome.FAIL) {
            return c.result().outcome().label();
        }
        return c.result().failedSide().label() + ": " + KbText.span(KbSupportArticles.reason(c.result().reason()));
    }
}
