package io.handshakematrix.plan;

import io.handshakematrix.model.HandshakeResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code plan} found: every link before and after the planned changes, the candidate edits each verified
 * on every link through the edited file, the fleet-wide set chosen from them, every link re-run once more with
 * the planned changes and the chosen set together ({@code withFixes}), and what it cost to find out.
 */
public record Plan(Fleet fleet, List<LinkResult> links, List<EditCheck> candidates, List<FleetFixes.Chosen> chosen,
                   Map<Link, HandshakeResult> withFixes, int distinctCells, int handshakes, double seconds) {

    public List<LinkResult> in(LinkResult.Category c) {
        return links.stream().filter(l -> l.category() == c).toList();
    }

    public boolean somethingBreaks() {
        return links.stream().anyMatch(l -> l.category() == LinkResult.Category.BREAKS);
    }

    public List<LinkResult> harnessTrouble() {
        return links.stream().filter(LinkResult::harnessTrouble).toList();
    }

    /** The verified edits not chosen, best first (same order as the choice's tie-break). */
    public List<EditCheck> alternatives() {
        List<EditCheck> out = new ArrayList<>(candidates);
        out.removeIf(c -> chosen.stream().anyMatch(x -> x.check() == c));
        out.sort(java.util.Comparator.comparing((EditCheck c) -> -c.fixes().size()).thenComparing(FleetFixes.TIE_BREAK));
        return out;
    }

    public long workingWithFixes() {
        return withFixes.values().stream().filter(LinkResult::ok).count();
    }

    /**
     * Links of one category with the same cells before and after and the same options: reported once with all
     * their links, so a 2,000-link plan reads as a few dozen paragraphs.
     */
    public record Group(LinkResult.Category category, LinkResult first, List<Link> links) {
    }

    public List<Group> groups(LinkResult.Category c) {
        Map<String, List<LinkResult>> by = new LinkedHashMap<>();
        for (LinkResult l : in(c)) {
            String key = l.before().key() + "#" + l.after().key() + "#" + l.options().stream()
                    .map(o -> o.attempt().change() + "=" + o.attempt().cell().key()).toList();
            by.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
        }
        return by.values().stream().map(ls -> new Group(c, ls.get(0), ls.stream().map(LinkResult::link).toList()))
                .toList();
    }
}
