package io.handshakematrix.cli;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.diagnose.PeerChecks;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.results.ShippedResults;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.runner.MatrixRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the default matrix and writes its verified results into the source tree, where the jar picks them up: the
 * results explain answers from when no run is at hand. Only a run in which every cell is as matrix.yaml expects is
 * written (a result that is not verified does not ship).
 */
@Command(name = "shipped-results", mixinStandardHelpOptions = true,
        header = "Run the default matrix and write the verified results the jar ships for explain.",
        description = {"Runs every cell of the matrix (real handshakes), then each of the product's current peers",
            "against every receiver setup a proven fix changes to (the handshakes diagnose runs for a fix), and writes",
            "them, one compact line a cell without durations or transcripts, to " + ShippedResults.SOURCE_FILE + ".",
            "Nothing is written unless every cell is as the matrix expects. ShippedResultsTest (mvn test) fails when",
            "the file is stale and names this command."},
        footer = {"", "Exit codes: 0 written; 1 some cell differs from the matrix (nothing written); 2 bad input.", "",
            "Example (from the repository root, after a package build):",
            "  java -jar target/handshake-matrix.jar shipped-results"})
final class ShippedResultsCommand implements Callable<Integer> {
    @Option(names = "--matrix", paramLabel = "FILE", defaultValue = "matrix.yaml",
            description = "matrix file (default: ${DEFAULT-VALUE})")
    Path matrixFile;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = ShippedResults.SOURCE_FILE,
            description = "file to write (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "cells run at once (default: number of cores)")
    Integer jobs;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        ProfileCatalog profiles = RunCommand.profilesFor(matrixFile, null);
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        ProductProfile product = ProductProfiles.builtin();
        List<CellResult> results = Collections.synchronizedList(new ArrayList<>());
        List<CellResult> peers;
        Matrix matrix;
        try (EngineRegistry engines = Engines.standard()) {
            matrix = new MatrixLoader(profiles, groups, engines.names()).load(matrixFile);
            CellRunner cells = new CellRunner(engines, profiles, groups, matrix.product(),
                    matrixFile.toAbsolutePath().getParent(), Duration.ofSeconds(20));
            int n = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
            new MatrixRunner(cells, n).run(matrix, matrix.cells(), results::add);
            List<CellResult> differing = results.stream().filter(r -> !r.matches()
                    || r.result().outcome() == Outcome.ERROR || r.result().outcome() == Outcome.TIMEOUT).toList();
            if (!differing.isEmpty()) {
                System.err.println(differing.size() + " of " + results.size() + " cells are not as " + matrixFile
                        + " expects (first: " + differing.get(0).cell().displayName() + "): nothing written; only "
                        + "verified results ship");
                return Main.DIFFERENCES;
            }
            peers = PeerChecks.of(results, product, cells, n);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("matrix", matrixFile.getFileName().toString());
        header.put("product", product.id());
        header.put("cells", results.size());
        header.put("peerChecks", peers.size());
        header.put("verified", "every cell as " + matrixFile.getFileName() + " expects");
        header.put("regenerate", ShippedResults.COMMAND);
        ShippedResults.write(out, ShippedResults.lines(header, results, peers));
        System.out.printf("wrote %s: %d cells of %s, every one as expected, and %d current-peer handshakes (%.1f s)%n",
                out, results.size(), matrixFile, peers.size(), (System.nanoTime() - start) / 1e9);
        return Main.OK;
    }
}
