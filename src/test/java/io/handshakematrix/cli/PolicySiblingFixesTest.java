package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.explain.SiblingFixes;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.results.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixes that know policies, from results (explain, the KB): a RHEL 8.10 sender under DEFAULT refuses a 1024-bit
 * group (its policy's 2048-bit minimum), and the same sender under LEGACY passes in the same run, so the refusing
 * host's policy is a proven fix, with its host-wide cost, ranked after the receiver's 2048-bit table (the one
 * ranking: the narrower change that the current peers accept first). Every verdict is a real handshake.
 */
class PolicySiblingFixesTest {
    @TempDir
    Path dir;

    @Test
    void theRefusingSendersCryptoPolicyIsAProvenFixWithItsCostAfterTheReceiversTable() throws Exception {
        Path m = dir.resolve("m.yaml");
        Files.writeString(m, "product: file-transfer\naxes:\n  senders: [rhel-8.10]\n  receivers: [rhel-6.10]\n"
                + "  receive_side: [\"NO\"]\n  dh: [\"1024\", \"2048\"]\n  sender_policy: [DEFAULT, LEGACY]\n"
                + "expect:\n  - why: \"any verdict: this run only feeds the fixes\"\n    outcome: fail\n");
        int code = Main.execute("run", "--matrix", m.toString(), "--out", dir.resolve("out").toString(), "--quiet",
                "--no-allure-report");
        assertTrue(code == 0 || code == 1, "run exit " + code);
        List<CellResult> results = ResultsJson.read(dir.resolve("out/results.json"));
        CellResult refused = results.stream().filter(r -> r.cell().dhGroup().equals("1024")
                && r.cell().extras().isEmpty()).findFirst().orElseThrow();
        assertEquals(Outcome.FAIL, refused.result().outcome(), "RHEL 8 DEFAULT refuses DH 1024: " + refused);
        Cell c = refused.cell();
        List<SiblingFixes.Fix> fixes = new SiblingFixes(results, ProductProfiles.builtin()).of(c);
        List<String> changes = fixes.stream().map(SiblingFixes.Fix::change).toList();
        assertEquals("[DH] DH_2048_RECEIVE_SIDE = dh2048.pem", changes.get(0), changes.toString());
        assertEquals("crypto policy LEGACY on the sender host (update-crypto-policies --set LEGACY; cost: host-wide, "
                + "weaker crypto for every application on rhel-8.10, not just this link)", changes.get(1));
        assertEquals(2, changes.size(), changes.toString());
    }
}
