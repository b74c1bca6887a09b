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
 * the run's stacks ({@link OsRelease}), so a new release's profile adds its row and column by itself. The main
 * table is each release under its DEFAULT crypto policy; other policies get a table of their own below it. Where
 * the run has both, a pair's cell gives what the two stacks negotiate by themselves (protocols default: TLS 1.3
 * between two RHEL 8+ hosts) and then what a TLS 1.2-only side gets.
 */
final class KbCompatibility {
    static final String TITLE = "TLS compatibility between OS releases (configssl.cnf settings)";
    private static final String DEFAULT_PROTOCOL = "default";
    private static final String TLS12 = "TLSv1.2";

    private KbCompatibility() {}

    static List<KbBlock> build(KbFacts f) {
        List<CellResult> own = f.results.stream().filter(r -> OsRelease.osSetup(r.cell())).toList();
        List<CellResult> main = own.stream().filter(r -> OsRelease.defaultPolicies(r.cell())).toList();
        List<CellResult> policies = own.stream().filter(r -> !OsRelease.defaultPolicies(r.cell())).toList();
        boolean tls13 = own.stream().anyMatch(r -> "TLSv1.3".equals(r.result().protocol()));
        List<KbBlock> out = new ArrayList<>();
        out.add(new KbBlock.Heading(1, TITLE, null));
        out.add(new KbBlock.Para("Which receiver setting works between two OS releases, each sender (TLS client) row "
                + "against each receiver (TLS server) column, with the releases' own TLS libraries"
                + (policies.isEmpty() ? "" : " under their DEFAULT crypto policy (other policies: the tables below "
                + "each setting's)") + ". A DH size names the smallest " + KbText.span("[DH] DH_n_RECEIVE_SIDE")
                + " table that works; tables under 1024 bits are never recommended."
                + (tls13 ? " Two RHEL 8+ hosts negotiate TLS 1.3, where neither setting is used; \"TLS 1.2 only\" "
                + "is the same pair when one side is limited to TLS 1.2." : "")
                + " Every cell is a real handshake of this run."));
        String upgrade = KbUpgradeFixes.sentence(f);
        if (!upgrade.isEmpty()) {
            out.add(new KbBlock.Para(upgrade));
        }
        for (String side : f.product.receiveSideSuites().keySet()) {
            boolean dhe = f.product.receiveSideSuites().get(side).stream().anyMatch(CipherSuites::isDhe);
            String id = "compat-" + side.toLowerCase(java.util.Locale.ROOT);
            out.add(new KbBlock.Heading(2, "RECEIVE_SIDE = " + side + " (" + String.join(", ",
                    f.product.receiveSideSuites().get(side)) + ")", null));
            out.add(table(f, main, side, dhe, id));
            // a sender under a policy meets DEFAULT receivers and the other way round: two small tables, not one
            // sparse one with a row and a column per release and policy
            for (boolean senderPolicy : new boolean[] {true, false}) {
                List<CellResult> these = policies.stream().filter(c -> CellAxes.receiveSide(c.cell()).equals(side)
                        && c.cell().extras().containsKey("sender_policy") == senderPolicy).toList();
                if (!these.isEmpty()) {
                    out.add(new KbBlock.Para((senderPolicy ? "Senders" : "Receivers") + " under another crypto policy ("
                            + KbText.span("update-crypto-policies --set POLICY") + "):"));
                    out.add(table(f, these, side, dhe, id + (senderPolicy ? "-sender" : "-receiver") + "-policies"));
                }
            }
        }
        out.add(new KbBlock.Para("✔ works, ✖ fails (the side that refused and its reason), – not run. "
                + f.header() + "."));
        return out;
    }

    private static KbBlock.Table table(KbFacts f, List<CellResult> cells, String side, boolean dhe, String id) {
        Map<OsRelease, Map<OsRelease, List<CellResult>>> pairs = new java.util.HashMap<>();
        for (CellResult c : cells) {
            if (CellAxes.receiveSide(c.cell()).equals(side)) {
                pairs.computeIfAbsent(OsRelease.of(c.cell(), true).orElseThrow(), k -> new java.util.HashMap<>())
                        .computeIfAbsent(OsRelease.of(c.cell(), false).orElseThrow(), k -> new ArrayList<>()).add(c);
            }
        }
        List<OsRelease> senders = sorted(pairs.keySet());
        List<OsRelease> receivers = sorted(pairs.values().stream().flatMap(m -> m.keySet().stream()).toList());
        List<String> headers = new ArrayList<>();
        headers.add("sender / receiver");
        receivers.forEach(r -> headers.add(r.label()));
        List<List<KbBlock.Cell>> rows = new ArrayList<>();
        for (OsRelease s : senders) {
            List<KbBlock.Cell> row = new ArrayList<>();
            row.add(KbBlock.Cell.plain(s.label()));
            for (OsRelease r : receivers) {
                row.add(KbBlock.Cell.plain(pairCell(f, pairs.get(s).getOrDefault(r, List.of()), dhe)));
            }
            rows.add(row);
        }
        return new KbBlock.Table(id, headers, rows);
    }

    private static List<OsRelease> sorted(java.util.Collection<OsRelease> releases) {
        TreeSet<OsRelease> out = new TreeSet<>(OsRelease.ORDER.thenComparing(OsRelease::label));
        out.addAll(releases);
        return List.copyOf(out);
    }

    /**
     * One pair: what the two stacks negotiate by themselves where the run has it (protocols default), else the
     * protocol it ran; after a TLS 1.3 verdict, what the pair gets at TLS 1.2.
     */
    private static String pairCell(KbFacts f, List<CellResult> pair, boolean dhe) {
        if (pair.isEmpty()) {
            return "–";
        }
        Map<String, List<CellResult>> byProtocol = new java.util.LinkedHashMap<>();
        pair.forEach(c -> byProtocol.computeIfAbsent(CellAxes.protocol(c.cell()), k -> new ArrayList<>()).add(c));
        List<CellResult> first = byProtocol.getOrDefault(DEFAULT_PROTOCOL, byProtocol.values().iterator().next());
        boolean tls13 = first.stream().allMatch(c -> c.result().outcome() == Outcome.OK
                && "TLSv1.3".equals(c.result().protocol()));
        if (!tls13) {
            return verdict(f, first, dhe);
        }
        List<CellResult> tls12 = byProtocol.get(TLS12);
        return "✔ TLS 1.3" + (tls12 == null ? "" : "; TLS 1.2 only: " + verdict(f, tls12, dhe));
    }

    private static String verdict(KbFacts f, List<CellResult> cells, boolean dhe) {
        return dhe ? dheCell(f, cells) : plainCell(cells);
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
