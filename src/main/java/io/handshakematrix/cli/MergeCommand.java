package io.handshakematrix.cli;

import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.report.ConsoleTable;
import io.handshakematrix.report.RunReports;
import io.handshakematrix.runner.OutLock;
import io.handshakematrix.results.ResultJournal;
import io.handshakematrix.runner.ShardMerge;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Shard outputs of CI jobs back into one run: one results.json (and the other reports) as if run at once. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Combine the outputs of 'run --shard K/N' jobs into one results.json, in full-run order,",
            "with the same reports as 'run' (KB tables, the Allure compatibility report OUT/allure/index.html).",
            "Refuses a gap (a missing shard), an overlap (a cell in two inputs), shards of another matrix or",
            "harness version, and malformed cells, before OUT is touched. Exit 1 if some cell",
            "differs from its expectation, as 'run' does."},
        footer = {"", "Example, three CI jobs then one merge job:",
            "  run --shard 1/3 --out out/1    run --shard 2/3 --out out/2    run --shard 3/3 --out out/3",
            "  merge out/1 out/2 out/3 --out reports"})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "a shard's output directory (or its results.json)")
    List<Path> inputs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--quiet", description = "no table, only the summary and differences")
    boolean quiet;

    @Option(names = "--no-allure-report", description = "write OUT/allure-results but do not render "
            + "OUT/allure/index.html from them")
    boolean noAllureReport;

    @Override
    public Integer call() throws Exception {
        ShardMerge merged;
        Path json;
        // Refusals come before OUT is touched, so a refused merge leaves OUT as it was.
        ShardMerge.check(inputs);
        try (OutLock lock = OutLock.acquire(out);
             ResultJournal journal = ResultJournal.create(out.resolve(ResultJournal.FILE_NAME))) {
            merged = ShardMerge.of(inputs, journal);
            json = RunReports.writeAll(out, merged.run(), merged.full(), ProductProfiles.builtin(), !noAllureReport && RunReports.renderAllureByDefault());
        }
        if (!quiet) {
            System.out.println(ConsoleTable.render(merged.brief()));
        }
        return RunCommand.summarize(merged.brief(), json);
    }
}
