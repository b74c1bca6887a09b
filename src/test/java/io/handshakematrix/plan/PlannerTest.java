package io.handshakematrix.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.Engines;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner on real handshakes: a sender-side edit that fixes two links beats two receiver edits. */
class PlannerTest {
    @TempDir
    Path dir;

    @Test
    void oneSenderEditFixingTwoLinksIsChosenOverTwoReceiverEdits() throws IOException, InterruptedException {
        for (String pem : List.of("dh512.pem", "dh768.pem")) {
            try (InputStream in = getClass().getResourceAsStream("/dh/" + pem)) {
                Files.copy(in, dir.resolve(pem));
            }
        }
        Files.writeString(dir.resolve("r512.cnf"), "[RSAKEY]\nRECEIVE_SIDE = NO\n[DH]\nDH_512_RECEIVE_SIDE = dh512.pem\n");
        Files.writeString(dir.resolve("r768.cnf"), "[RSAKEY]\nRECEIVE_SIDE = NO\n[DH]\nDH_1024_RECEIVE_SIDE = dh768.pem\n");
        Path f = dir.resolve("fleet.yaml");
        Files.writeString(f, """
                hosts:
                  s: {stack: rhel-6-pre-logjam}
                  r1: {stack: rhel-6.10, config: r512.cnf}
                  r2: {stack: rhel-6.10, config: r768.cnf}
                links:
                  - {from: s, to: r1}
                  - {from: s, to: r2}
                changes:
                  - {hosts: s, stack: rhel-7.7}
                """);
        try (EngineRegistry engines = Engines.standard()) {
            Fleet fleet = new FleetReader(engines.names()).read(f);
            CellRunner runner = new CellRunner(engines, fleet.profiles(), fleet.dhGroups(), fleet.productSettings(), dir,
                    Duration.ofSeconds(10));
            Plan plan = new Planner(runner, 2).plan(fleet, pass -> ProgressListener.NONE);

            assertEquals(2, plan.in(LinkResult.Category.BREAKS).size());
            assertEquals(1, plan.chosen().size(), PlanText.body(plan, false));
            HostEdit e = plan.chosen().get(0).check().edit();
            assertEquals("s", e.host());
            assertEquals(HostEdit.Role.SENDER, e.role());
            assertEquals("MinimumDHBits 512", e.change());
            assertEquals(FixRanking.WEAKER_SENDER, e.cost());
            assertEquals(2, plan.chosen().get(0).newlyFixed().size());
            assertEquals(2, plan.workingWithFixes());
            assertTrue(plan.withFixes().values().stream().allMatch(r -> r.outcome() == Outcome.OK));
            // each receiver's own table fix was verified too, on its one link, and offered as the alternative
            assertTrue(plan.alternatives().stream().anyMatch(c -> c.edit().host().equals("r1")
                    && c.edit().change().startsWith("[DH] DH_1024_RECEIVE_SIDE") && c.fixes().size() == 1), PlanText.body(plan, false));
        }
    }
}
