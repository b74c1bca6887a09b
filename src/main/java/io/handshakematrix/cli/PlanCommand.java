package io.handshakematrix.cli;

import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.plan.Fleet;
import io.handshakematrix.plan.FleetReader;
import io.handshakematrix.plan.LinkResult;
import io.handshakematrix.plan.Plan;
import io.handshakematrix.plan.PlanReports;
import io.handshakematrix.plan.PlanText;
import io.handshakematrix.plan.Planner;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.yaml.InputError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Upgrade planning: which links of a fleet a planned change breaks, and the fewest verified edits that fix them. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Plan an upgrade: the links it breaks, and the fewest verified config edits that fix them.",
        description = {"Read a fleet inventory (hosts with their stack, configssl.cnf and legacy-settings; groups; links;",
            "planned changes), run every link before and after the planned changes as real handshakes (each distinct",
            "cell once), and print the links that break, start to work or stay broken, each with its diagnosis and",
            "its verified options. Across the fleet it picks the fewest one-line edits that fix the most links and",
            "verifies each by re-running every link through the edited file with it applied. Writes plan.md,",
            "plan.html (before/after grid) and plan.json to --out."},
        footer = {"", "fleet.yaml (paths relative to it; see examples/fleet.yaml):",
            "  profiles: fleet-profiles            # optional: extra stack profiles",
            "  hosts:",
            "    sender-1:   {stack: rhel-6.10, legacy_settings: {MinimumDHBits: 512}}",
            "    receiver-1: {stack: rhel-6.10, config: configssl.cnf}",
            "  groups: {senders: [sender-1], receivers: [receiver-1]}",
            "  links: [{from: senders, to: receivers}, {all_to_all: GROUP}]",
            "  changes: [{hosts: senders, stack: rhel-7.7}]      # or config: FILE, or legacy_settings: {...}",
            "",
            "Exit codes (a change-approval gate for CI): 0 no link breaks; 1 some link breaks (worked before, fails",
            "after); 2 bad input (file:line: what was expected); 3 a handshake gave no verdict (skipped: cannot run",
            "here; harness error; timeout), so the plan cannot vouch for those links. Links that stay broken do not",
            "fail the gate.",
            "", "Examples:",
            "  plan --fleet examples/fleet.yaml",
            "  plan --fleet examples/fleet.yaml --change receiver-1=config:examples/configssl-fixed.cnf --out plan-out",
            "  plan --fleet fleet.yaml --change senders=rhel-7.7 --change monitor=rhel-7.7"})
final class PlanCommand implements Callable<Integer> {
    @Option(names = "--allow-outside", description = "let the fleet name config: and product: files outside its own "
            + "folder (refused by default, so a fleet file cannot make plan read any file)")
    boolean allowOutside;

    @Option(names = "--fleet", paramLabel = "FILE", required = true, description = "the fleet inventory YAML")
    Path fleetFile;

    @Option(names = "--change", paramLabel = "TARGET=STACK|TARGET=config:FILE",
            description = "a planned change of a host or group (repeatable); when given, these replace the file's "
                    + "changes: (FILE relative to the working directory)")
    List<String> changes;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "reports",
            description = "where plan.md, plan.html and plan.json go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--jobs", paramLabel = "N", description = "cells run at once (default: number of cores)")
    Integer jobs;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "per-handshake timeout (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--progress-every", paramLabel = "N", defaultValue = "0",
            description = "without a terminal, a progress line every N cells (default: every 10%% of a pass)")
    int progressEvery;

    @Override
    public Integer call() throws Exception {
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new InputError("--timeout", 0, "expected 1 to 3600 seconds, found " + timeoutSeconds);
        }
        int n = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (n < 1 || n > 256) {
            throw new InputError("--jobs", 0, "expected 1 to 256, found " + n);
        }
        if (progressEvery < 0) {
            throw new InputError("--progress-every", 0, "expected 0 or more cells, found " + progressEvery);
        }
        try (EngineRegistry engines = Engines.standard()) {
            FleetReader reader = new FleetReader(engines.names()).allowingOutside(allowOutside);
            Fleet fleet = reader.read(fleetFile);
            if (changes != null && !changes.isEmpty()) {
                fleet = reader.withCommandLineChanges(fleet.withChanges(List.of()), changes);
            }
            System.out.println("Fleet " + fleetFile + ": " + fleet.hosts().size() + " hosts, " + fleet.links().size()
                    + " links, " + fleet.protocol() + "; planned: " + PlanText.changes(fleet));
            CellRunner runner = new CellRunner(engines, fleet.profiles(), fleet.dhGroups(),
                    fleet.productSettings(),
                    fleetFile.toAbsolutePath().getParent(), Duration.ofSeconds(timeoutSeconds));
            Plan plan = new Planner(runner, n).plan(fleet, pass -> {
                System.err.println("plan: " + pass);
                return ProgressDisplays.choose(System.err, progressEvery);
            });
            System.out.println(PlanText.summary(plan));
            System.out.print(PlanText.body(plan, false));
            List<Path> files = PlanReports.writeAll(out, plan);
            System.out.println("Reports: " + String.join(", ", files.stream().map(Path::toString).toList()));
            List<LinkResult> trouble = plan.harnessTrouble();
            if (!trouble.isEmpty()) {
                System.err.println("plan: " + trouble.size() + " link(s) gave no verdict (cannot run here, harness error or timeout), e.g. "
                        + trouble.get(0).link().name() + ": " + trouble.get(0).troubleSummary());
                return Main.HARNESS;
            }
            int breaks = plan.in(LinkResult.Category.BREAKS).size();
            System.out.println(breaks == 0 ? "Gate: pass, no link breaks." : "Gate: fail, " + breaks + " link"
                    + (breaks == 1 ? "" : "s") + " break.");
            return breaks == 0 ? Main.OK : Main.DIFFERENCES;
        }
    }
}
