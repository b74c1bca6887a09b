package io.handshakematrix.report;

import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One sentence: which of the support article's two fixes (a 1024-bit [DH] table; the RSA RECEIVE_SIDE) still hold
 * once a side of the link runs RHEL 8 or later, read off the run's TLS 1.2 cells under the DEFAULT crypto policy
 * (two RHEL 8+ hosts negotiate TLS 1.3, where neither setting is used). A release holds a fix when every such cell
 * between it and an older release (or itself) passed. A run without RHEL 8+ stacks says so and claims nothing.
 */
final class KbUpgradeFixes {
    /** The article's first fix, and the table that replaces it (docs/stacks.md: SECLEVEL 2 needs 2048 bits). */
    private static final String ARTICLE_TABLE = "1024";
    private static final String STRONGER_TABLE = "2048";
    private static final double FIRST_UPGRADE = 8;
    private static final int REASONS = 2;

    private KbUpgradeFixes() {}

    static String sentence(KbFacts f) {
        if (f.rsaSide == null || f.dheSide == null) {
            return "";
        }
        List<CellResult> cells = f.results.stream().filter(r -> OsRelease.osSetup(r.cell())
                && OsRelease.defaultPolicies(r.cell()) && "TLSv1.2".equals(CellAxes.protocol(r.cell()))).toList();
        TreeSet<OsRelease> upgraded = new TreeSet<>(OsRelease.ORDER);
        for (CellResult r : cells) {
            for (boolean sender : new boolean[] {true, false}) {
                OsRelease.of(r.cell(), sender).filter(o -> o.version() >= FIRST_UPGRADE && o.mode().isEmpty())
                        .ifPresent(upgraded::add);
            }
        }
        String dh1024 = "the " + ARTICLE_TABLE + "-bit " + KbText.span("[DH]") + " table";
        String rsa = KbText.span("RECEIVE_SIDE = " + f.rsaSide);
        if (upgraded.isEmpty()) {
            return "Which of the two fixes (" + dh1024 + ", " + rsa + ") survive RHEL 8, 9 and 10 is not in this run: "
                    + KbText.span("run --matrix matrix-upgrade.yaml") + " answers it.";
        }
        String table = holds(cells, upgraded, c -> CellAxes.receiveSide(c.cell()).equals(f.dheSide)
                && CellAxes.dhGroup(c.cell()).equals(ARTICLE_TABLE));
        String side = holds(cells, upgraded, c -> CellAxes.receiveSide(c.cell()).equals(f.rsaSide));
        String stronger = holds(cells, upgraded, c -> CellAxes.receiveSide(c.cell()).equals(f.dheSide)
                && CellAxes.dhGroup(c.cell()).equals(STRONGER_TABLE));
        return "After an upgrade to " + names(upgraded) + " (DEFAULT crypto policy, TLS 1.2 cells of this run), "
                + dh1024 + " " + table + ", " + rsa + " " + side + ", and a " + STRONGER_TABLE + "-bit table " + stronger
                + ".";
    }

    /** "holds on RHEL 8.10 and fails on RHEL 9.4 (sender: `dh key too small`)", from the cells of each release. */
    private static String holds(List<CellResult> cells, Set<OsRelease> upgraded, Predicate<CellResult> fix) {
        List<OsRelease> ok = new ArrayList<>();
        List<OsRelease> fail = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (OsRelease o : upgraded) {
            List<CellResult> mine = cells.stream().filter(fix).filter(c -> meets(c, o))
                    .filter(c -> c.result().outcome() != Outcome.SKIPPED).toList();
            if (mine.isEmpty()) {
                continue;
            }
            List<CellResult> failed = mine.stream().filter(c -> c.result().outcome() != Outcome.OK).toList();
            (failed.isEmpty() ? ok : fail).add(o);
            failed.forEach(c -> reasons.add(KbCompatibility.refusal(c)));
        }
        if (ok.isEmpty() && fail.isEmpty()) {
            return "was not run";
        }
        String because = " (" + String.join("; ", reasons.stream().limit(REASONS).toList()) + ")";
        if (fail.isEmpty()) {
            return "holds on " + (ok.size() > 1 ? "all of them" : names(ok));
        }
        if (ok.isEmpty()) {
            return "fails on " + (fail.size() > 1 ? "all of them" : names(fail)) + because;
        }
        return "holds on " + names(ok) + " but fails on " + names(fail) + because;
    }

    /**
     * A cell of release {@code o} against an older release or itself: a RHEL 8.10 sender refused by a RHEL 10.0
     * receiver says something about RHEL 10.0, not about RHEL 8.10.
     */
    private static boolean meets(CellResult c, OsRelease o) {
        OsRelease s = OsRelease.of(c.cell(), true).orElseThrow();
        OsRelease r = OsRelease.of(c.cell(), false).orElseThrow();
        return (s.equals(o) && (r.equals(o) || r.version() < FIRST_UPGRADE))
                || (r.equals(o) && s.version() < FIRST_UPGRADE);
    }

    private static String names(java.util.Collection<OsRelease> releases) {
        List<String> labels = releases.stream().map(OsRelease::label).toList();
        return labels.size() == 1 ? labels.get(0) : String.join(", ", labels.subList(0, labels.size() - 1)) + " and "
                + labels.get(labels.size() - 1);
    }
}
