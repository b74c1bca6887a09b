package io.handshakematrix.cli;

import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.matrix.Expectation;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Before a run: can this machine run the cells the matrix expects to run? A cell whose expectation is not
 * "skipped" but whose engine cannot run one of its stacks here (no shim jar, no Docker, no Java 25, an
 * image not built) would come out as a drift from matrix.yaml, hundreds of times over; it is the machine
 * that is wrong, so the run stops up front with one line (exit 3). Asks the engines themselves
 * ({@code cannotRun}), so each engine keeps the knowledge of what it needs.
 */
final class EnvironmentCheck {
    private EnvironmentCheck() {}

    /** One line naming the first missing piece and how many cells need it; empty when all can run. */
    static Optional<String> fault(Matrix matrix, List<Cell> cells, ProfileCatalog profiles, EngineRegistry engines) {
        Map<String, Integer> needing = new LinkedHashMap<>();
        Map<String, Cell> example = new LinkedHashMap<>();
        Map<String, Optional<String>> asked = new LinkedHashMap<>();
        for (Cell c : cells) {
            if (matrix.disabledReason(c).isPresent() || expectsSkip(matrix, c)) {
                continue;
            }
            Optional<String> why = cannotRun(stack(c, Side.SENDER), Side.SENDER, c.protocol(), profiles, engines, asked)
                    .or(() -> cannotRun(stack(c, Side.RECEIVER), Side.RECEIVER, c.protocol(), profiles, engines, asked));
            why.ifPresent(w -> {
                needing.merge(w, 1, Integer::sum);
                example.putIfAbsent(w, c);
            });
        }
        return needing.entrySet().stream().findFirst().map(e -> "environment: " + e.getKey() + "; " + e.getValue()
                + " cell(s) that matrix.yaml expects to run need it (e.g. " + example.get(e.getKey()).displayName()
                + "). Nothing was run: fix the machine (.ci/run shows how) or leave those cells out (--engine, --sender, --receiver)"
                + (needing.size() > 1 ? "; " + (needing.size() - 1) + " other missing piece(s) after it" : ""));
    }

    /** The cell's stack on {@code side} (the cell's axes are read here only). */
    private static String stack(Cell c, Side side) {
        return side == Side.SENDER ? c.sender() : c.receiver();
    }

    private static boolean expectsSkip(Matrix matrix, Cell c) {
        return matrix.expectationFor(c).map(Expectation::outcome).orElse(null) == Outcome.SKIPPED;
    }

    /** Only real stacks: the emulated engine runs in this JVM and needs nothing from the machine. */
    private static Optional<String> cannotRun(String stack, Side role, String protocol, ProfileCatalog profiles,
                                              EngineRegistry engines, Map<String, Optional<String>> asked) {
        StackRef ref = StackRef.parse(stack);
        if (ref.engine().equals(StackRef.EMULATED)) {
            return Optional.empty();
        }
        return asked.computeIfAbsent(stack + "|" + role + "|" + protocol, k -> {
            StackProfile p = profiles.get(ref.profileId());
            if (!p.supportsProtocol(protocol)) {
                return Optional.empty(); // a skip of the stack itself, not of the machine
            }
            return engines.get(ref.engine()).cannotRun(p, role, protocol);
        });
    }
}
