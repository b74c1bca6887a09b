package io.handshakematrix.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
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

/**
 * The planner on real handshakes. Two links break when the sender moves to RHEL 7.7 (512- and 768-bit tables).
 * Lowering the sender's MinimumDHBits to 512 would fix both with one edit, but a group under 1024 bits is never
 * offered as a fix (Logjam; current clients refuse it), so each receiver gets a DHE table of its own,
 * the one most current peers accept.
 */
class PlannerTest {
    @TempDir
    Path dir;

    @Test
    void noFixUnder1024BitsAndTheWidestReachingTableIsChosen() throws IOException, InterruptedException {
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
            assertEquals(2, plan.chosen().size(), PlanText.body(plan, false));
            for (FleetFixes.Chosen c : plan.chosen()) {
                HostEdit e = c.check().edit();
                assertEquals(HostEdit.Role.RECEIVER, e.role(), PlanText.body(plan, false));
                assertTrue(e.keepsDhe() && e.cost() == null, e.toString());
                // 2048 over 1024: OpenSSL 3.0 and 1.1.1 clients refuse 1024 at their default level
                assertTrue(e.change().startsWith("[DH] DH_2048_RECEIVE_SIDE"), PlanText.body(plan, false));
                assertEquals(1, c.newlyFixed().size());
            }
            assertEquals(2, plan.workingWithFixes());
            assertTrue(plan.withFixes().values().stream().allMatch(r -> r.outcome() == Outcome.OK));
            String body = PlanText.body(plan, false);
            assertTrue(!body.contains("MinimumDHBits 512") && !body.contains("DH_512") && !body.contains("DH_768"), body);
            // the 1024-bit table was verified too, and offered as an alternative
            assertTrue(plan.alternatives().stream().anyMatch(c -> c.edit().host().equals("r1")
                    && c.edit().change().startsWith("[DH] DH_1024_RECEIVE_SIDE") && c.fixes().size() == 1), body);
        }
    }
}
