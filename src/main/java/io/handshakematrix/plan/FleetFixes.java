package io.handshakematrix.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fleet-wide choice: greedy set cover over verified edits. Each round takes the edit that fixes the most
 * still-failing links; ties go by the one ranking of fixes (results/FixRank, as diagnose and explain rank them: one
 * that keeps DHE, then the one more of the product's current peers accept, a DH_2048 table over DH_1024 when
 * OpenSSL 3.0 clients refuse 1024, then the narrower file, then the smaller group), then by host and line so
 * the choice is the same on every run. An edit that breaks a working link is never taken, and a file is
 * edited at most once (a second line on the same file would not have been verified together with the first).
 * Greedy is within a factor ln(n) of the fewest edits; exact set cover is NP-hard and fleets are large.
 */
public final class FleetFixes {
    /** One edit of the chosen set and the links it newly fixes (links an earlier edit fixed are not counted again). */
    public record Chosen(EditCheck check, List<Link> newlyFixed) {
    }

    private FleetFixes() {}

    static final Comparator<EditCheck> TIE_BREAK = io.handshakematrix.results.FixRank.by((EditCheck c) -> c.edit().rank())
            .thenComparing(c -> c.edit().host())
            .thenComparing(c -> c.edit().change());

    public static List<Chosen> choose(Collection<EditCheck> checks, Collection<Link> failing) {
        Set<Link> uncovered = new LinkedHashSet<>(failing);
        List<EditCheck> pool = checks.stream().filter(c -> c.breaks().isEmpty() && !c.fixes().isEmpty())
                .sorted(TIE_BREAK).toList();
        Set<String> editedFiles = new HashSet<>();
        List<Chosen> out = new ArrayList<>();
        while (!uncovered.isEmpty()) {
            EditCheck best = null;
            int bestGain = 0;
            for (EditCheck c : pool) { // pool is in tie-break order: the first with the largest gain wins
                if (editedFiles.contains(file(c))) {
                    continue;
                }
                int gain = (int) c.fixes().stream().filter(uncovered::contains).count();
                if (gain > bestGain) {
                    best = c;
                    bestGain = gain;
                }
            }
            if (best == null) {
                break;
            }
            List<Link> newly = best.fixes().stream().filter(uncovered::contains).toList();
            newly.forEach(uncovered::remove);
            editedFiles.add(file(best));
            out.add(new Chosen(best, newly));
        }
        return out;
    }

    private static String file(EditCheck c) {
        return c.edit().host() + "|" + c.edit().role();
    }
}
