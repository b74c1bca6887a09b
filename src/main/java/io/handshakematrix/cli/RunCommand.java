package io.handshakematrix.cli;

import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.matrix.Glob;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.report.BaselineDiff;
import io.handshakematrix.report.ConsoleTable;
import io.handshakematrix.results.ResultsJson;
import io.handshakematrix.report.RunReports;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.JournaledRun;
import io.handshakematrix.runner.MatrixDigest;
import io.handshakematrix.yaml.ValueText;
import io.handshakematrix.runner.MatrixRunner;
import io.handshakematrix.runner.OutLock;
import io.handshakematrix.runner.ProgressListener;
import io.handshakematrix.results.ResultJournal;
import io.handshakematrix.runner.RunStamp;
import io.handshakematrix.runner.Shard;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The main job: cross the matrix, run every cell as a real handshake, compare, report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run the matrix: every cell a real handshake, compared with matrix.yaml; tables and reports.",
        description = {"Run every cell of the matrix as a real TLS handshake on 127.0.0.1 and compare it",
            "with the expected outcome in matrix.yaml. Prints a table, writes OUT/results.json,",
            "OUT/results.csv, the knowledge-base tables OUT/kb.md and OUT/kb.html, and the Allure",
            "compatibility report OUT/allure/index.html (from OUT/allure-results; history carried over).",
            "Exit 1 lists each cell whose outcome differs from its expectation; exit 2 for a filter that",
            "matches no cell; exit 3 when the machine lacks what the cells need (one line, nothing run)."},
        footer = {"", "Examples:",
            "  run                                             the default matrix (matrix.yaml, includes matrix-jvm.yaml)",
            "  run --sender 'rhel-7*' --receiver rhel-6.10    one slice of it",
            "  run --matrix matrix-containers.yaml             real OpenSSL/GnuTLS in Docker (see images/)",
            "  run --baseline old/results.json                 what changed since an earlier release",
            "  run --shard 2/3 --out shard2; merge shard1 shard2 shard3 --out reports",
            "  run --resume                                    finish a run that was killed (same --out)"})
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

    @Option(names = "--quiet", description = "no table and no progress lines, only the summary and differences "
            + "(errors and warnings are still printed)")
    boolean quiet;

    @Option(names = "--baseline", paramLabel = "OLD.json",
            description = "an earlier results.json: print the cells whose outcome changed since then and save them to OUT/baseline-diff.json (the regression view across releases; the exit code still comes from matrix.yaml)")
    Path baseline;

    @Option(names = "--diagnose", description = "explain each failed handshake and list its verified one-line fixes "
            + "(runs extra handshakes)")
    boolean diagnose;

    @Option(names = "--engine", paramLabel = "TIER", defaultValue = "all",
            description = "which cells to run: emulated (both sides in-process), container (a real stack, X@container, on at least one side; see matrix-containers.yaml), jvm (a real JDK or bc-fips, X@jvm, on at least one side) or all (default: ${DEFAULT-VALUE})")
    String engineTier;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "run only the K-th of N deterministic slices (by cell key), e.g. 2/3 in the second of "
                    + "three CI jobs; combine the outputs with 'merge'")
    String shard;

    @Option(names = "--resume", description = "continue an interrupted run: keep the cells already in "
            + "OUT/" + ResultJournal.FILE_NAME + " and run only the others")
    boolean resume;

    @Option(names = "--run-timeout", paramLabel = "SECONDS", defaultValue = "0",
            description = "start no cell after this many seconds (0: no limit); cells left are reported "
                    + "and '--resume' runs them (exit 3)")
    long runTimeoutSeconds;

    @Option(names = "--progress-every", paramLabel = "N", defaultValue = "0",
            description = "without a terminal (CI), print a progress line every N cells "
                    + "(default 0: every 10%%, at most 50 cells apart; none with --quiet)")
    int progressEvery;

    @Option(names = "--allow-outside", description = "let the matrix include: files outside its own folder "
            + "(refused by default, so a matrix cannot make the harness read any file)")
    boolean allowOutside;

    @Option(names = "--no-allure-report", description = "write OUT/allure-results but do not render "
            + "OUT/allure/index.html from them (the renderer takes some 15 s of CPU; for repeated runs)")
    boolean noAllureReport;

    @Spec
    CommandSpec spec;

    /** The shipped profiles, plus the matrix's own profile directory and {@code extraDir} (may be null). */
    static ProfileCatalog profilesFor(Path matrixFile, Path extraDir) {
        ProfileCatalog profiles = ProfileCatalog.builtin();
        Path matrixProfiles = MatrixLoader.profileDirectory(matrixFile);
        if (matrixProfiles != null) {
            profiles.addDirectory(matrixProfiles);
        }
        if (extraDir != null) {
            profiles.addDirectory(extraDir);
        }
        return profiles;
    }

    @Override
    public Integer call() throws Exception {
        OptionRanges.check("--jobs", jobs, 1, 256);
        OptionRanges.check("--progress-every", progressEvery, 0, 1_000_000, " cells");
        OptionRanges.check("--timeout", timeoutSeconds, 1, 3600, " seconds");
        ProfileCatalog profiles = profilesFor(matrixFile, profilesDir);
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        EngineRegistry engines = Engines.standard();
        if (!List.of("emulated", "container", "jvm", "all").contains(engineTier)) {
            throw new io.handshakematrix.yaml.InputError("--engine", 0,
                    "expected emulated, container, jvm or all, found '" + engineTier + "'");
        }
        Matrix matrix = new MatrixLoader(profiles, groups, engines.names()).allowingIncludesOutside(allowOutside)
                .load(matrixFile);
        List<Cell> cells = matrix.cells().stream().filter(this::inSlice).toList();
        if (cells.isEmpty()) {
            throw emptySlice(matrix);
        }
        List<CellResult> old = baseline == null ? null : ResultsJson.read(baseline);
        if (runTimeoutSeconds < 0) {
            throw new io.handshakematrix.yaml.InputError("--run-timeout", 0, "expected 0 (no limit) or more seconds, found "
                    + runTimeoutSeconds);
        }
        Shard slice = shard == null ? Shard.ALL : Shard.parse(shard);
        cells = cells.stream().filter(slice::contains).toList();
        java.util.Optional<String> fault = EnvironmentCheck.fault(matrix, cells, profiles, engines);
        if (fault.isPresent()) {
            engines.close();
            System.err.println(fault.get());
            return Main.HARNESS;
        }
        Instant started = Instant.now();
        Path journalFile = out.resolve(ResultJournal.FILE_NAME);
        JournaledRun done;
        Path json;
        // Every check above ran before OUT is touched; the lock refuses a second run on OUT at once.
        try (engines;
             OutLock lock = OutLock.acquire(out);
             ResultJournal journal = openJournal(journalFile,
                     MatrixDigest.of(matrix, cells, profiles, matrixFile.toAbsolutePath().getParent()));
             Interruption interruption = Interruption.watch(journalFile, resumeCommand());
             // --quiet silences the display only: the interruption still counts the cells for its one line
             ProgressListener progress = interruption.counting(quiet ? ProgressListener.NONE
                     : ProgressDisplays.choose(System.err, progressEvery))) {
            journal.warnings().forEach(w -> System.err.println("  warning: " + w));
            CellRunner runner = new CellRunner(engines, profiles, groups, matrix.product(),
                    matrixFile.toAbsolutePath().getParent(), Duration.ofSeconds(timeoutSeconds));
            done = new JournaledRun(new MatrixRunner(runner, jobs), matrix, cells, journal)
                    .run(progress, runTimeoutSeconds > 0 ? Duration.ofSeconds(runTimeoutSeconds) : null);
            if (diagnose) {
                RunDiagnosis.print(done.brief(), runner);
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("matrix", matrixFile.toString());
            run.put("engines", cells.stream().map(CellRunner::engineLabel).distinct().toList());
            run.put("started", started.toString());
            run.put("durationMs", Duration.between(started, Instant.now()).toMillis());
            run.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            Map<String, String> libs = new LinkedHashMap<>();
            profiles.all().forEach(p -> libs.put(p.id(), p.library()));
            run.put("profiles", libs);
            run.put("shard", slice.toString());
            run.put(RunStamp.VERSION_KEY, RunStamp.HARNESS_VERSION);
            run.put(RunStamp.DIGEST_KEY, RunStamp.digest(matrix));
            run.put("axes", axes(matrix));
            run.put("resumedCells", done.resumed());
            run.put("notStartedCells", done.notStarted().size());
            json = RunReports.writeAll(out, run, done.full(), ProductProfiles.builtin(), !noAllureReport && RunReports.renderAllureByDefault());
        }
        List<CellResult> results = done.brief();
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
        int code = summarize(results, json);
        if (!done.notStarted().isEmpty()) {
            System.out.printf("%d cells not run: the run timeout (%d s) passed first. '--resume' with the same --out "
                    + "runs only them.%n", done.notStarted().size(), runTimeoutSeconds);
            return Main.HARNESS;
        }
        return code;
    }

    /** The matrix's axes in its own order: 'merge' puts shard outputs back in the full run's cell order. */
    private static Map<String, Object> axes(Matrix m) {
        Map<String, Object> a = ownAxes(m);
        if (m.parts().size() > 1) {
            a.put("parts", m.parts().stream().map(RunCommand::ownAxes).toList()); // include:d matrices, in cell order
        }
        return a;
    }

    private static Map<String, Object> ownAxes(Matrix m) {
        return new LinkedHashMap<>(m.axesInCrossingOrder());
    }

    /** Prints the counts and each differing cell; cells not run (a run cut short) are no finding and are not listed. */
    static int summarize(List<CellResult> results, Path json) {
        Map<Outcome, Long> counts = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            counts.put(o, results.stream().filter(r -> r.result().outcome() == o).count());
        }
        long notRun = counts.get(Outcome.NOT_RUN);
        List<CellResult> diffs = results.stream().filter(r -> !r.matches())
                .filter(r -> r.result().outcome() != Outcome.NOT_RUN).toList();
        System.out.printf("%d cells: %d ok, %d fail, %d error, %d timeout, %d skipped; %d as expected, %d differ. Results: %s%n",
                results.size(), counts.get(Outcome.OK), counts.get(Outcome.FAIL), counts.get(Outcome.ERROR),
                counts.get(Outcome.TIMEOUT), counts.get(Outcome.SKIPPED), results.size() - diffs.size() - notRun, diffs.size(), json);
        for (CellResult d : diffs) {
            System.out.println(io.handshakematrix.report.DiffersLine.of(d));
        }
        return diffs.isEmpty() ? Main.OK : Main.DIFFERENCES;
    }

    /** Exit 2 and nothing written: a slice of no cells would overwrite the reports with an empty run. */
    private io.handshakematrix.yaml.InputError emptySlice(Matrix matrix) {
        List<String> filters = new java.util.ArrayList<>();
        if (senderFilter != null) {
            filters.add("--sender '" + senderFilter + "'");
        }
        if (receiverFilter != null) {
            filters.add("--receiver '" + receiverFilter + "'");
        }
        if (!engineTier.equals("all")) {
            filters.add("--engine " + engineTier);
        }
        Set<String> senders = new java.util.LinkedHashSet<>();
        Set<String> receivers = new java.util.LinkedHashSet<>();
        Set<String> tiers = new java.util.LinkedHashSet<>();
        for (Cell c : matrix.cells()) {
            senders.add(c.sender());
            receivers.add(c.receiver());
            tiers.add(CellRunner.engineLabel(c));
        }
        String option = filters.isEmpty() ? "--matrix" : filters.get(0).split(" ")[0];
        return new io.handshakematrix.yaml.InputError(option, 0, String.join(" ", filters) + " matches none of the "
                + matrix.cells().size() + " cells of " + matrixFile + "; expected one of the senders " + senders
                + ", receivers " + receivers + ", engines " + tiers + " (globs: * and ?). Nothing was run or written");
    }

    /**
     * The journal to write to. A resume keeps the earlier run's journal only if it was run under this matrix
     * (MatrixDigest): otherwise bad input saying what changed, the journal untouched. A new journal has its digest
     * written beside it first.
     */
    private ResultJournal openJournal(Path journalFile, MatrixDigest digest) throws java.io.IOException {
        if (resume && java.nio.file.Files.exists(journalFile)) {
            digest.requireSameAs(out);
            return ResultJournal.resume(journalFile);
        }
        java.nio.file.Files.createDirectories(out);
        digest.write(out);
        return ResultJournal.create(journalFile);
    }

    /** The exact command that continues this run: the same arguments plus --resume. */
    private String resumeCommand() {
        List<String> args = new java.util.ArrayList<>(spec.commandLine().getParseResult().originalArgs());
        if (!args.isEmpty() && args.get(0).equals(spec.name())) {
            args.remove(0); // picocli lists the subcommand itself first
        }
        if (!args.contains("--resume")) {
            args.add("--resume");
        }
        return Interruption.launcher() + " run " + args.stream().map(Interruption::shellQuote).collect(Collectors.joining(" "));
    }

    private boolean inSlice(Cell c) {
        return (senderFilter == null || globMatch(senderFilter, c.sender()))
                && (receiverFilter == null || globMatch(receiverFilter, c.receiver()))
                && inTier(c, engineTier);
    }

    /** {@code --engine}: "emulated" = both sides in-process; "container"/"jvm" = a real side of that tier. */
    private static boolean inTier(Cell c, String tier) {
        String label = CellRunner.engineLabel(c);
        return switch (tier) {
            case "all" -> true;
            case "emulated" -> label.equals("emulated");
            default -> List.of(label.split("->")).contains(tier);
        };
    }

    /** Linear-time wildcards, every other character literal (no regex: 'rhel-[7' is just a name). */
    private static boolean globMatch(String glob, String value) {
        return Glob.of(glob).matches(value);
    }
}
