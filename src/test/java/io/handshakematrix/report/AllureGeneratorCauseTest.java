package io.handshakematrix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.results.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Allure category of a failed cell comes from the rule that fired on the side that gave up: every shipped stack, as
 * a sender, against a receiver serving a group whose generator is bad (g = 1, g = p - 1), each cell a real handshake.
 * Every stack whose profile checks the generator (or the public value it yields) is filed under "Bad DH generator"
 * where that check refused, whatever its words ("modulus too small" and the like no longer decide); a stack whose
 * profile checks the size first (RHEL 6.10's min_bits on a 256-bit group, bc-fips's 2048-bit minimum) refused for
 * the size and is filed as that.
 */
class AllureGeneratorCauseTest {
    private static final Set<String> GENERATOR_RULES = Set.of("g_above_1", "g_below_p_minus_1", "g_in_range",
            "ys_in_range", "ys_nonzero");

    @TempDir
    Path dir;

    @Test
    void theBadGeneratorCellsOfEveryStackAreUnderBadDhGenerator() throws Exception {
        List<String> stacks = ProfileCatalog.builtin().all().stream().map(StackProfile::id).sorted().toList();
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "product: file-transfer\naxes:\n  senders: [" + String.join(", ", stacks) + "]\n"
                + "  receivers: [rhel-6.10]\n  receive_side: [\"NO\"]\n  dh: [256-g1, 1024-g-pm1]\n"
                + "expect:\n  - why: \"any verdict: this run only feeds the categories\"\n    outcome: fail\n");
        int run = io.handshakematrix.cli.Main.execute("run", "--matrix", m.toString(), "--out",
                dir.resolve("out").toString(), "--quiet", "--no-allure-report");
        assertTrue(run == 0 || run == 1, "run exit " + run);
        List<CellResult> cells = ResultsJson.read(dir.resolve("out/results.json"));
        Map<String, String> g1 = new TreeMap<>();
        Map<String, String> pm1 = new TreeMap<>();
        for (CellResult r : cells) {
            if (r.result().outcome() != Outcome.FAIL || r.result().failedSide() != Side.SENDER) {
                continue; // a stack that completed, or a receiver that gave up: no sender's verdict on g
            }
            String rule = r.result().senderTrace().rule();
            String category = AllureCauses.of("failed", r).name();
            (r.cell().dhGroup().equals("256-g1") ? g1 : pm1).put(r.cell().sender(), category + " (rule " + rule + ")");
            if (rule == null || GENERATOR_RULES.contains(rule)) {
                assertEquals("Bad DH generator", category, r.cell().displayName() + ": rule " + rule);
            } else {
                // refused for the size before looking at g (min_bits; a FIPS module's own minimum): filed by that rule
                assertTrue(Set.of("DH group too small", "FIPS refusal").contains(category), r.cell().displayName()
                        + ": refused for the size first, rule " + rule + ", filed under " + category);
            }
        }
        // every stack whose profile checks the generator (or Ys = g^x) refused on it at least once here, so each is
        // in the check above: none is filed by its words, "modulus too small" and the like
        Set<String> checksG = ProfileCatalog.builtin().all().stream()
                .filter(p -> p.client().checks().stream().anyMatch(c -> GENERATOR_RULES.contains(c.kind().yamlName())))
                .map(StackProfile::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> filedAsGenerator = new TreeSet<>();
        g1.forEach((s, c) -> { if (c.startsWith("Bad DH generator")) { filedAsGenerator.add(s); } });
        pm1.forEach((s, c) -> { if (c.startsWith("Bad DH generator")) { filedAsGenerator.add(s); } });
        assertTrue(checksG.size() >= 10, "the shipped stacks that check g: " + checksG);
        assertEquals(checksG, filedAsGenerator, "256-g1: " + g1 + "; 1024-g-pm1: " + pm1);
    }
}
