package io.handshakematrix.report;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.explain.SiblingFixes;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What both KB files are built from: the results, the product's settings (its [DH] keys, which RECEIVE_SIDE
 * value is RSA and which DHE), the fixes those results prove, the run's date, harness version and matrix digest,
 * and the exact error lines numbered in the order a reader meets them.
 */
final class KbFacts {
    final List<CellResult> results;
    final ProductProfile product;
    final SiblingFixes fixes;
    final Map<String, Object> run;
    final String rsaSide;
    final String dheSide;
    private final Map<Cell, CellResult> byCell = new HashMap<>();
    private final Map<String, Integer> notes = new LinkedHashMap<>();
    private final Map<String, Integer> symptoms = new HashMap<>();

    KbFacts(List<CellResult> results, Map<String, Object> run, ProductProfile product) {
        this.results = results;
        this.run = run == null ? Map.of() : run;
        this.product = product;
        this.fixes = new SiblingFixes(results, product);
        results.forEach(r -> byCell.put(r.cell(), r));
        String rsa = null;
        String dhe = null;
        for (Map.Entry<String, List<String>> e : product.receiveSideSuites().entrySet()) {
            boolean anyDhe = e.getValue().stream().anyMatch(CipherSuites::isDhe);
            if (anyDhe && dhe == null) {
                dhe = e.getKey();
            } else if (!anyDhe && rsa == null) {
                rsa = e.getKey();
            }
        }
        this.rsaSide = rsa;
        this.dheSide = dhe;
    }

    CellResult at(Cell c) {
        return byCell.get(c);
    }

    /**
     * A deliberately broken group the harness ships to test the stacks' checks (256-g-pm1, 1024-even, ...): a
     * suffixed name, other than the product's internal table. These go to the appendix, never into a fix.
     */
    boolean testOnly(String group) {
        return group.matches("\\d+-.*") && !group.equals(product.internalGroup());
    }

    /** A plain size (1024, 2048, ...): the groups a [DH] key can name. */
    static boolean isSize(String group) {
        return !group.isEmpty() && group.chars().allMatch(Character::isDigit);
    }

    /** Column title for a DH group; the product's internal table says so. */
    String groupTitle(String group) {
        return group.equals(product.internalGroup()) ? group + " (internal table)" : group;
    }

    /** "sender -> receiver" rows in result order, for cells of the product's own setup without a sender override. */
    List<String[]> pairs() {
        return pairs("");
    }

    /**
     * The variants of the product's setup this run has (axes beyond the four, {@link CellAxes#variant}), in result
     * order, without the product's own setup (""): each gets rows of its own, never merged with the product's.
     */
    List<String> variants() {
        return results.stream().map(r -> CellAxes.variant(r.cell())).filter(v -> !v.isEmpty()).distinct().toList();
    }

    /** The pairs of one variant ("" the product's own setup), cells without a sender override. */
    List<String[]> pairs(String variant) {
        Set<String> seen = new LinkedHashSet<>();
        List<String[]> out = new ArrayList<>();
        for (CellResult r : results) {
            Cell c = r.cell();
            if (CellAxes.senderMinDhBits(c) == 0 && CellAxes.variant(c).equals(variant) && seen.add(CellAxes.sender(c) + "|" + CellAxes.receiver(c) + "|"
                    + CellAxes.protocol(c))) {
                out.add(new String[] {CellAxes.sender(c), CellAxes.receiver(c), CellAxes.protocol(c)});
            }
        }
        return out;
    }

    List<String> protocols() {
        return results.stream().map(r -> CellAxes.protocol(r.cell())).distinct().toList();
    }

    /** The DH groups of the DHE side in result order. */
    List<String> groups() {
        return results.stream().map(r -> CellAxes.dhGroup(r.cell())).distinct().toList();
    }

    /** Cells of the product's own setup (no axis beyond the four). */
    List<CellResult> cells(String sender, String receiver, String side, String protocol, int minBits) {
        return cells(sender, receiver, side, protocol, minBits, "");
    }

    List<CellResult> cells(String sender, String receiver, String side, String protocol, int minBits, String variant) {
        return results.stream().filter(r -> CellAxes.variant(r.cell()).equals(variant)
                && CellAxes.sender(r.cell()).equals(sender)
                && CellAxes.receiver(r.cell()).equals(receiver) && CellAxes.receiveSide(r.cell()).equals(side)
                && CellAxes.protocol(r.cell()).equals(protocol) && CellAxes.senderMinDhBits(r.cell()) == minBits).toList();
    }

    /** Footnote number of a failed cell's exact lines (0 for an ok or skipped cell): one per distinct text. */
    int note(CellResult r) {
        String text = KbCell.footnoteText(r);
        if (text.isEmpty() || r.result().outcome() == Outcome.OK || r.result().outcome() == Outcome.SKIPPED) {
            return 0;
        }
        return notes.computeIfAbsent(text, k -> notes.size() + 1);
    }

    /**
     * Footnote number for a symptom (the refusing side, its reason, the alert), quoting the exact lines of the first
     * cell with it: the article needs one note per kind of failure, the detail file one per exact text.
     */
    int symptomNote(CellResult r) {
        if (r.result().outcome() != Outcome.FAIL) {
            return 0;
        }
        String key = r.result().failedSide() + "|" + r.result().reason().toLowerCase(java.util.Locale.ROOT) + "|"
                + (r.result().alert() == null ? "-" : r.result().alert().code());
        Integer n = symptoms.get(key);
        if (n == null) {
            n = notes.computeIfAbsent(KbCell.footnoteText(r), k -> notes.size() + 1);
            symptoms.put(key, n);
        }
        return n;
    }

    KbBlock.Notes notesBlock() {
        return notesBlock(true);
    }

    /**
     * {@code marked}: every line, an unverified one as "†" (kb-detail); else the article's: each side's first line
     * (the one a reader searches for), without the marker and without the harness's notes in parentheses.
     */
    KbBlock.Notes notesBlock(boolean marked) {
        if (marked) {
            return new KbBlock.Notes(notes.keySet().stream().map(t -> t.lines().map(KbText::unmarked).toList()).toList());
        }
        return new KbBlock.Notes(notes.keySet().stream().map(t -> {
            Map<String, String> firstBySide = new LinkedHashMap<>();
            t.lines().map(KbText::plain).filter(l -> !l.matches("^(?:sender|receiver): \\(.*"))
                    .forEach(l -> firstBySide.putIfAbsent(l.startsWith("receiver: ") ? "receiver" : "sender", l));
            return firstBySide.isEmpty() ? t.lines().map(KbText::plain).toList() : List.copyOf(firstBySide.values());
        }).toList());
    }

    /** "Run 2026-12-01T08:11:50Z, handshake-matrix 0.1.0, matrix matrix.yaml (digest sha256:...)". */
    String header() {
        return "Run " + started() + " · harness handshake-matrix " + version()
                + " · matrix " + KbText.span(String.valueOf(run.getOrDefault("matrix", "?"))) + ", digest "
                + KbText.span(digest()) + " · "
                + run.getOrDefault("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    }

    /**
     * The support articles' footer: when and with what the cells ran, without the JVM (an article is pasted into a
     * knowledge base; whoever reproduces the run finds the JVM in kb.md and results.json).
     */
    String stamp() {
        return "run " + started() + ", handshake-matrix " + version() + ", matrix "
                + KbText.span(String.valueOf(run.getOrDefault("matrix", "?"))) + " (" + KbText.span(digest()) + ")";
    }

    /** The run's start to the second: the clock's nanoseconds say nothing to a reader. */
    private String started() {
        return String.valueOf(run.getOrDefault("started", "(date not recorded)"))
                .replaceFirst("(T\\d{2}:\\d{2}:\\d{2})\\.\\d+Z$", "$1Z");
    }

    /** "[RSAKEY] RECEIVE_SIDE = YES": the product's RSA setting as a fix names it (null when it has none). */
    String rsaFix() {
        return rsaSide == null ? null : "[RSAKEY] RECEIVE_SIDE = " + rsaSide;
    }

    static String version() {
        String v = KbFacts.class.getPackage().getImplementationVersion();
        return v != null ? v : "(development build, no jar manifest)";
    }

    /**
     * sha256 over every cell's axes and its expectation, sorted: two runs of the same matrix have the same digest
     * whatever order their cells ran in; any change of axes or rules changes it. First 16 hex digits.
     */
    String digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            results.stream().map(r -> r.cell().key() + "=" + r.expected()).sorted()
                    .forEach(s -> md.update((s + "\n").getBytes(StandardCharsets.UTF_8)));
            return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
