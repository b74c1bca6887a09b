package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CI needs to tell apart: a drift from matrix.yaml (exit 1, first in the report's categories),
 * a filter that matches nothing (exit 2, nothing written), a machine that lacks a piece (one line, exit 3).
 */
class CiFaultsTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void driftedCellFailsTheRunAndComesFirstInTheReportsCategories() throws Exception {
        // rhel-7.7 -> rhel-6.10 with matrix.yaml's rules for its cells, one of them (wrongly) expected to handshake.
        String m = MainTest.drifted();
        Path f = dir.resolve("drift.yaml");
        Files.writeString(f, m);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("run", "--matrix", f.toString(), "--out", out.toString(), "--quiet");
        assertEquals(1, r.code(), r.all());

        Path results = out.resolve("allure-results");
        JsonNode categories = json.readTree(results.resolve("categories.json").toFile());
        String first = categories.get(0).get("name").asText();
        assertTrue(first.startsWith("! Differs from matrix.yaml: expected ok, got fail sender: dh key too small"), first);
        JsonNode drifted = null;
        int tests = 0;
        try (Stream<Path> s = Files.list(results)) {
            for (Path p : s.filter(p -> p.toString().endsWith("-result.json")).toList()) {
                JsonNode t = json.readTree(p.toFile());
                tests++;
                if (t.get("name").asText().startsWith("rhel-7.7 -> rhel-6.10 | RECEIVE_SIDE=NO | DH 256 | TLSv1.2")) {
                    drifted = t;
                }
            }
        }
        assertEquals(json.readTree(out.resolve("results.json").toFile()).get("cells").size(), tests, "one test per cell");
        assertTrue(drifted != null);
        assertEquals("failed", drifted.get("status").asText(), "the handshake: the sender refused");
        String message = drifted.get("statusDetails").get("message").asText();
        assertTrue(message.matches(categories.get(0).get("messageRegex").asText()), message);
        for (int i = 1; i < categories.size(); i++) {
            assertFalse(message.matches(categories.get(i).get("messageRegex").asText()),
                    "only in the drift category, not also in " + categories.get(i).get("name"));
        }
        assertTrue(drifted.get("labels").toString().contains("DIFFERS from matrix.yaml"), drifted.get("labels").toString());
    }

    @Test
    void filterMatchingNoCellExitsTwoNamingItAndWritesNothing() {
        Path out = dir.resolve("never");
        CliRun r = CliRun.of("run", "--sender", "rhel7*", "--out", out.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().startsWith("--sender: --sender 'rhel7*' matches none of the "), r.err());
        assertTrue(r.err().contains("rhel-7.7") && r.err().contains("jdk-17@jvm"), "what exists: " + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing written");

        CliRun tier = CliRun.of("run", "--engine", "container", "--out", out.toString());
        assertEquals(2, tier.code(), tier.all());
        assertTrue(tier.err().contains("--engine container matches none"), tier.err());
        assertFalse(Files.exists(out));
    }

    /** An engine that cannot run anything here, as the jvm engine says of a jar copied without its shim. */
    private static final class MissingPiece implements Engine {
        @Override
        public String name() {
            return "jvm";
        }

        @Override
        public Optional<String> cannotRun(StackProfile profile, Side role, String protocol) {
            return Optional.of("no shim jar in /nowhere/shim");
        }

        @Override
        public RunningReceiver serve(ReceiverSpec spec) {
            throw new AssertionError("an environment fault must stop the run before any cell");
        }

        @Override
        public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
            throw new AssertionError("an environment fault must stop the run before any cell");
        }
    }

    @Test
    void environmentFaultIsOneLineNamingThePieceAndHowManyCellsNeedIt() {
        ProfileCatalog profiles = ProfileCatalog.builtin();
        Matrix matrix = new MatrixLoader(profiles, DhGroupCatalog.builtin(), Engines.standard().names())
                .load(Path.of("matrix.yaml"));
        try (EngineRegistry engines = new EngineRegistry().register("emulated", EmulatedEngine::new)
                .register("jvm", MissingPiece::new)) {
            Optional<String> fault = EnvironmentCheck.fault(matrix, matrix.cells(), profiles, engines);
            assertTrue(fault.isPresent());
            String line = fault.get();
            assertTrue(line.matches("environment: no shim jar in /nowhere/shim; \\d+ cell\\(s\\) that matrix.yaml expects "
                    + "to run need it \\(e\\.g\\. .*@jvm.*"), line);
            assertEquals(1, line.lines().count());
            // Cells of the emulated engine alone need nothing from the machine.
            assertEquals(Optional.empty(), EnvironmentCheck.fault(matrix, matrix.cells().stream()
                    .filter(c -> !(c.sender() + c.receiver()).contains("@")).toList(), profiles, engines));
        }
    }

    @Test
    void testcontainersVariablesAreAddedOnlyWhereMissing() {
        assertEquals(TestcontainersEnvironment.DEFAULTS, TestcontainersEnvironment.missing(Map.of()));
        assertEquals(Map.of("TESTCONTAINERS_HOST_OVERRIDE", "localhost"),
                TestcontainersEnvironment.missing(Map.of("TESTCONTAINERS_RYUK_DISABLED", "false")), "a user's value stays");
        assertEquals(Map.of(), TestcontainersEnvironment.missing(Map.of("HANDSHAKE_MATRIX_RELAUNCHED", "1")), "once only");
    }
}
