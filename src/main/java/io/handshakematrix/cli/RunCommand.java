package io.handshakematrix.cli;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.Engines;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.report.BaselineDiff;
import io.handshakematrix.report.ConsoleTable;
import io.handshakematrix.report.ReportFiles;
import io.handshakematrix.report.ResultsJson;
import io.handshakematrix.report.RunInfo;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main job: cross the matrix, run every cell as a real handshake, compare, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run every cell of the matrix as a real TLS handshake on 127.0.0.1 and compare it",
            "with the expected outcome in matrix.yaml. Prints a table, writes OUT/results.json,",
            "OUT/results.csv and the knowledge-base tables OUT/kb.md and OUT/kb.html.",
            "Exit 1 lists each cell whose outcome differs from its expectation."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--matrix", paramLabel = "FILE", defaultValue = "matrix.yaml",
            description = "matrix file (default: ${DEFAULT-VALUE})")
    Path matrixFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--profiles", paramLabel = "DIR",
            description = "extra directory of stack profile *.yaml files (added to the shipped ones)")
    Path profilesDir;

    @Option(names = "--jobs", paramLabel = "N", description = "cells run at once (default: number of cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "per-handshake timeout in seconds (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--sender", paramLabel = "GLOB", description = "only senders matching (e.g. 'rhel-7*')")
    String senderFilter;

    @Option(names = "--receiver", paramLabel = "GLOB", description = "only receivers matching")
    String receiverFilter;

    @Option(names = "--quiet", description = "no table, only the summary and differences")
    boolean quiet;

    @Option(names = "--baseline", paramLabel = "OLD.json",
            description = {"an earlier results.json: print the cells whose outcome changed since then and save them",
                "to OUT/baseline-diff.json (the regression view across releases; the exit code still comes",
                "from matrix.yaml)"})
    Path baseline;

    @Option(names = "--diagnose", description = "explain each failed handshake and list its verified one-line fixes "
            + "(runs extra handshakes)")
    boolean diagnose;
    @Option(names = "--engine", paramLabel = "TIER", defaultValue = "all",
            description = {"which cells to run: emulated (both sides in-process), container (a real stack,",
                "X@container, on at least one side; see matrix-containers.yaml) or all (default: ${DEFAULT-VALUE})"})
    String engineTier;

    @Override
    public Integer call() throws Exception {
        ProfileCatalog profiles = ProfileCatalog.builtin();
        Path matrixProfiles = MatrixLoader.profileDirectory(matrixFile);
        if (matrixProfiles != null) {
            profiles.addDirectory(matrixProfiles);
        }
        if (profilesDir != null) {
            profiles.addDirectory(profilesDir);
        }
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        EngineRegistry engines = Engines.standard();
        if (!List.of("emulated", "container", "all").contains(engineTier)) {
            throw new io.handshakematrix.yaml.InputError("--engine", 0,
                    "expected emulated, container or all, found '" + engineTier + "'");
        }
        Matrix matrix = new MatrixLoader(profiles, groups, engines.names()).load(matrixFile);
        List<Cell> cells = matrix.cells().stream().filter(this::inSlice).toList();
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new io.handshakematrix.yaml.InputError("--timeout", 0, "expected 1 to 3600 seconds, found " + timeoutSeconds);
        }
        Instant started = Instant.now();
        List<CellResult> results;
        try (engines) {
            CellRunner runner = new CellRunner(engines, profiles, groups, matrix.product(),
                    matrixFile.toAbsolutePath().getParent(), Duration.ofSeconds(timeoutSeconds));
            Progress progress = new Progress(cells.size());
            results = new MatrixRunner(runner, jobs).run(matrix, cells, progress::done);
            if (diagnose) {
                RunDiagnosis.print(results, runner);
            }
        }
        Map<String, String> libs = new LinkedHashMap<>();
        profiles.all().forEach(p -> libs.put(p.id(), p.library()));
        Map<String, Object> run = RunInfo.of(matrixFile.toString(), started, results, libs);
        Path json = out.resolve("results.json");
        List<CellResult> old = baseline == null ? null : ResultsJson.read(baseline);
        ReportFiles.writeAll(out, run, results);

        if (!quiet) {
            System.out.println(ConsoleTable.render(results));
        }
        if (old != null) {
            // A slice (--sender/--receiver/--engine) is compared with the same slice of the baseline.
            List<CellResult> oldSlice = old.stream().filter(r -> inSlice(r.cell())).toList();
            BaselineDiff drift = BaselineDiff.between(oldSlice, results);
            System.out.print(drift.text(baseline.toString()));
            drift.write(out.resolve("baseline-diff.json"), baseline.toString());
        }
        return summarize(results, json);
    }

    private static int summarize(List<CellResult> results, Path json) {
        Map<Outcome, Long> counts = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o, results.stream().filter(r -> r.result().outcome() == o).count());
        }
        List<CellResult> diffs = results.stream().filter(r -> !r.matches()).toList();
        System.out.printf("%d cells: %d ok, %d fail, %d error, %d timeout, %d skipped; %d as expected, %d differ. Results: %s%n",
                results.size(), counts.get(Outcome.OK), counts.get(Outcome.FAIL), counts.get(Outcome.ERROR),
                counts.get(Outcome.TIMEOUT), counts.get(Outcome.SKIPPED), results.size() - diffs.size(), diffs.size(), json);
        for (CellResult d : diffs) {
            System.out.println("DIFFERS  " + d.cell().displayName()
                    + (d.expectationLine() != null ? "  [matrix line " + d.expectationLine() + "]" : ""));
            d.differences().forEach(s -> System.out.println("         " + s));
        }
        return diffs.isEmpty() ? Main.OK : Main.DIFFERENCES;
    }

    private boolean inSlice(Cell c) {
        return (senderFilter == null || globMatch(senderFilter, c.sender()))
                && (receiverFilter == null || globMatch(receiverFilter, c.receiver()))
                && inTier(c, engineTier);
    }

    /** {@code --engine}: a cell is "container" when either side runs in the container tier. */
    private static boolean inTier(Cell c, String tier) {
        boolean container = CellRunner.engineLabel(c).contains(io.handshakematrix.engine.container.ContainerEngine.NAME);
        return tier.equals("all") || tier.equals("container") == container;
    }

    private static boolean globMatch(String glob, String value) {
        return value.matches(glob.replace(".", "\\.").replace("*", ".*").replace("?", "."));
    }

    /** One line per 10% (or per 50 cells) on stderr, so CI logs show the run is alive. */
    private static final class Progress {
        private final int total;
        private final AtomicInteger done = new AtomicInteger();
        private final long start = System.nanoTime();

        Progress(int total) {
            this.total = total;
        }

        void done(CellResult r) {
            int n = done.incrementAndGet();
            int step = Math.max(1, Math.min(50, total / 10));
            if (n % step == 0 || n == total) {
                double secs = (System.nanoTime() - start) / 1e9;
                System.err.printf("  %d/%d cells (%.0f/s)%n", n, total, n / Math.max(secs, 1e-3));
            }
        }
    }
}
