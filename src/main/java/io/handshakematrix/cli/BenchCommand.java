package io.handshakematrix.cli;

import io.handshakematrix.bench.DhFloor;
import io.handshakematrix.bench.KexThroughput;
import io.handshakematrix.bench.MatrixScale;
import io.handshakematrix.bench.Meter;
import io.handshakematrix.bench.OpensslLoop;
import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.engine.container.ImageEngine;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Speed on this machine: handshakes/s per key exchange, the openssl process loop, whole runs, scaling. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure handshakes/s, whole-run time and heap on this machine.",
        description = {"Measure, on this machine, what a run costs: full handshakes/s of the emulated engine",
            "for RSA key exchange and DHE 1024/2048/4096, the same cells as a loop of openssl s_client",
            "processes, the default matrix's wall time and peak heap, and the cost per cell as a generated",
            "matrix grows. Figures are wall-clock rates plus this process's CPU time, since the machine may",
            "be shared; the load average is printed before and after."},
        footer = {"", "Examples:",
            "  bench                                          everything, ~2 minutes on 2 cores",
            "  java -Xmx256m -jar target/handshake-matrix.jar bench --only scale --cells 10000",
            "                                                 10,000 cells within a 256 MB heap"})
final class BenchCommand implements Callable<Integer> {
    private static final Set<String> PARTS = Set.of("kex", "openssl", "matrix", "scale", "plan", "images");

    @Option(names = "--matrix", paramLabel = "FILE", defaultValue = "matrix.yaml",
            description = "matrix for the whole-run and scale figures (default: ${DEFAULT-VALUE})")
    Path matrixFile;

    @Option(names = "--jobs", paramLabel = "N", description = "cells at once (default: number of cores)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "measured time per key exchange, after 1/5 as much warm-up (default: ${DEFAULT-VALUE})")
    int seconds;

    @Option(names = "--openssl-handshakes", paramLabel = "N", defaultValue = "40",
            description = "s_client processes per key exchange in the comparison loop (default: ${DEFAULT-VALUE})")
    int opensslHandshakes;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "1000",
            description = "largest generated matrix of the scale series 100, 1000, ..., N (default: ${DEFAULT-VALUE})")
    int maxCells;

    @Option(names = "--only", paramLabel = "PART", split = ",",
            description = "only these parts: kex, openssl, matrix, scale, plan, images (default: all)")
    List<String> only;

    @Override
    public Integer call() throws Exception {
        OptionRanges.check("--jobs", jobs, 1, 256);
        OptionRanges.check("--seconds", seconds, 1, 600, " seconds");
        OptionRanges.check("--openssl-handshakes", opensslHandshakes, 1, 10_000);
        OptionRanges.check("--cells", maxCells, 100, 1_000_000, " cells");
        Set<String> parts = only == null ? PARTS : Set.copyOf(only);
        for (String p : parts) {
            if (!PARTS.contains(p)) {
                throw new io.handshakematrix.yaml.InputError("--only", 0, "expected kex, openssl, matrix, scale, plan or images, found '" + p + "'");
            }
        }
        ProfileCatalog profiles = RunCommand.profilesFor(matrixFile, null);
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        System.out.printf("handshake-matrix bench: %s, %d cores, max heap %.0f MiB, %s %s%n", cpuModel(),
                Runtime.getRuntime().availableProcessors(), Meter.maxHeapMiB(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        System.out.println("load average before: " + loadAverage());
        try (EngineRegistry engines = Engines.standard()) {
            Matrix matrix = new MatrixLoader(profiles, groups, engines.names()).load(matrixFile);
            CellRunner runner = new CellRunner(engines, profiles, groups, matrix.product(),
                    matrixFile.toAbsolutePath().getParent(), Duration.ofSeconds(10));
            if (parts.contains("kex") || parts.contains("openssl")) {
                keyExchanges(runner, groups, parts.contains("kex"), parts.contains("openssl"));
            }
            MatrixRunner pool = new MatrixRunner(runner, jobs);
            if (parts.contains("matrix")) {
                MatrixScale.Figure f = MatrixScale.run("default matrix", matrix, matrix.cells(), pool);
                System.out.printf("%nDefault matrix (%s, %d cells, %d jobs, journal and results.json included):%n"
                        + "  %.1f s wall, %.0f cells/s, %.1f ms CPU per cell, peak heap %.0f MiB of %.0f MiB, "
                        + "%d cells differ from expectations%n", matrixFile, f.cells(), jobs, f.wallSeconds(),
                        f.cells() / f.wallSeconds(), f.cpuMsPerCell(), f.peakHeapMiB(), Meter.maxHeapMiB(), f.differ());
            }
            if (parts.contains("scale")) {
                scale(matrix, pool);
            }
            if (parts.contains("plan")) {
                fleetPlan(engines);
            }
            if (parts.contains("images")) {
                images(matrix, pool, engines);
            }
        }
        System.out.println("load average after: " + loadAverage());
        return Main.OK;
    }

    /**
     * rhel-7.7 to rhel-7.7 over TLS 1.2, the pair and suites of the default matrix, one key exchange at a time;
     * the openssl loop for the same suite and group right after, so that both see about the same load.
     */
    private void keyExchanges(CellRunner runner, DhGroupCatalog groups, boolean emulated, boolean openssl)
            throws IOException, InterruptedException {
        Optional<String> noOpenssl = openssl ? OpensslLoop.unavailable() : Optional.of("not asked for");
        System.out.printf("%nFull handshakes + secure ping, rhel-7.7 -> rhel-7.7, TLSv1.2, RSA-2048 certificate, "
                + "%d jobs, %d s each. CPU time per handshake is what other load changes least; cores / CPU time is "
                + "the rate with every core to ourselves (an estimate). The openssl loop: one s_server on 127.0.0.1, "
                + "%d s_client processes one after another, same suite and group (%s).%n", jobs, seconds,
                opensslHandshakes, noOpenssl.map(w -> "not run: " + w).orElse("ratio = emulated / loop, target >= 10x"));
        String[][] cases = {{"RSA", "YES", null, ">= 500/s"}, {"DHE 1024", "NO", "1024", ">= 400/s"},
            {"DHE 2048", "NO", "2048", ">= 250/s"}, {"DHE 4096", "NO", "4096", "(none)"}};
        for (String[] c : cases) {
            String suite = c[2] == null ? "AES256-SHA" : "DHE-RSA-AES256-SHA";
            DhGroup group = c[2] == null ? null : groups.resolve(c[2], null);
            StringBuilder line = new StringBuilder(String.format("  %-9s", c[0]));
            KexThroughput.Figure e = null;
            if (emulated) {
                Cell cell = new Cell("rhel-7.7", "rhel-7.7", c[1], c[2] == null ? "2048" : c[2], "TLSv1.2", 0);
                e = KexThroughput.measure(c[0], runner, cell, jobs, Duration.ofMillis(seconds * 200L),
                        Duration.ofSeconds(seconds));
                line.append(String.format(" emulated %6.0f/s  %6.2f ms CPU each (~%.0f/s alone)  target %-9s",
                        e.perSecond(), e.cpuMsEach(), Runtime.getRuntime().availableProcessors() * 1000 / e.cpuMsEach(),
                        c[3]));
                if (group != null) {
                    line.append(String.format("  DH arithmetic alone %.2f ms CPU",
                            DhFloor.cpuMsPerHandshake(group, group.bits() > 2048 ? 5 : 30)));
                }
            }
            if (noOpenssl.isEmpty()) {
                KexThroughput.Figure o = OpensslLoop.measure(c[0], suite, group, opensslHandshakes);
                line.append(String.format("  | openssl loop %5.1f/s", o.perSecond()));
                if (e != null) {
                    line.append(String.format("  ratio %.1fx", e.perSecond() / o.perSecond()));
                }
            }
            System.out.println(line);
        }
        if (emulated) {
            ecdheRow();
        }
    }

    /**
     * ECDHE P-256: the receiver serves rhel-7.7's own DEFAULT list, so the pair negotiates as the real builds do
     * (ECDHE-RSA-AES256-GCM-SHA384 on P-256); no product setting names an ECDHE suite, hence no matrix cell.
     */
    private void ecdheRow() throws InterruptedException {
        try (io.handshakematrix.engine.emulated.EmulatedEngine engine = new io.handshakematrix.engine.emulated.EmulatedEngine()) {
            io.handshakematrix.profile.StackProfile rhel77 = io.handshakematrix.profile.ProfileCatalog.builtin().get("rhel-7.7");
            io.handshakematrix.engine.ReceiverSpec receiver = new io.handshakematrix.engine.ReceiverSpec(rhel77,
                    io.handshakematrix.engine.ReceiverSpec.STACK_DEFAULT, null, Duration.ofSeconds(10));
            io.handshakematrix.engine.SenderSpec sender = new io.handshakematrix.engine.SenderSpec(rhel77, "TLSv1.2", 0,
                    Duration.ofSeconds(10));
            java.util.function.Supplier<String> one = () -> {
                try (io.handshakematrix.engine.RunningReceiver r = engine.serve(receiver)) {
                    io.handshakematrix.engine.SideReport s = engine.connect(sender, r.address());
                    r.await();
                    return s.completed() && s.harnessError() == null ? "ok " + s.cipher() + " " + s.tempKey()
                            : "fail " + s.errors() + " " + s.harnessError();
                } catch (IOException | InterruptedException e) {
                    return "error " + e;
                }
            };
            String expected = one.get();
            if (!expected.startsWith("ok ECDHE-RSA")) {
                throw new IllegalStateException("ECDHE P-256: the handshake did not complete: " + expected);
            }
            KexThroughput.Figure e = KexThroughput.measure("ECDHE P-256", one, expected, jobs,
                    Duration.ofMillis(seconds * 200L), Duration.ofSeconds(seconds));
            System.out.println(String.format("  %-9s emulated %6.0f/s  %6.2f ms CPU each (~%.0f/s alone)  target %-9s"
                    + "  (rhel-7.7 DEFAULT list: %s)", "ECDHE P-256", e.perSecond(), e.cpuMsEach(),
                    Runtime.getRuntime().availableProcessors() * 1000 / e.cpuMsEach(), "(none)", expected.substring(3)));
        }
    }

    /**
     * Image tier: the matrix's cells between emulated stacks with both sides in their stack images (X@image), one
     * container per image and role; a warm-up sample first builds the images and starts the containers, whose
     * cost the engine prints when the run ends (build times, container starts).
     */
    private void images(Matrix matrix, MatrixRunner pool, EngineRegistry engines) throws IOException, InterruptedException {
        Optional<String> no = engines.get(ImageEngine.NAME).cannotRun(
                RunCommand.profilesFor(matrixFile, null).get("rhel-7.7"), io.handshakematrix.model.Side.SENDER, "TLSv1.2");
        if (no.isPresent()) {
            System.out.printf("%nImage tier: not run: %s%n", no.get());
            return;
        }
        List<Cell> cells = matrix.cells().stream().filter(c -> !c.sender().contains("@") && !c.receiver().contains("@"))
                .map(ImageEngine::bothInImages).toList();
        MatrixScale.run("image warm-up", matrix, MatrixScale.sampleOf(cells, 40), pool);
        // Two passes: the first still pays the JIT of eleven JVMs (the harness and one agent per image and role),
        // as a one-off run does; the second is the steady state a longer run (or a second shard) reaches.
        for (String pass : List.of("first pass", "second pass")) {
            MatrixScale.Figure f = MatrixScale.run("image tier, " + pass, matrix, cells, pool);
            System.out.printf("%nImage tier, %s (%d cells of %s between emulated stacks, both sides in their stack "
                    + "images, %d jobs): %.1f s wall, %.0f cells/s (target >= 50), %.1f ms CPU per cell in this process%n",
                    pass, f.cells(), matrixFile, jobs, f.wallSeconds(), f.cells() / f.wallSeconds(), f.cpuMsPerCell());
        }
    }

    private void scale(Matrix base, MatrixRunner pool) throws IOException, InterruptedException {
        Matrix generated = MatrixScale.generated(base, maxCells);
        System.out.printf("%nScale: fixed-seed samples of a generated matrix (%d cells: more sender MinimumDHBits "
                + "values), %d jobs, journal and results.json included:%n", generated.cells().size(), jobs);
        List<Integer> sizes = new ArrayList<>();
        for (int n = 100; n < maxCells; n *= 10) {
            sizes.add(n);
        }
        sizes.add(maxCells);
        MatrixScale.run("warm-up", generated, MatrixScale.sample(generated, 100), pool); // JIT, not the matrix size
        for (int n : sizes) {
            List<Cell> cells = MatrixScale.sample(generated, n);
            MatrixScale.Figure f = MatrixScale.run(n + " cells", generated, cells, pool);
            System.out.printf("  %6d cells  %7.1f s wall  %6.2f ms wall/cell  %6.2f ms CPU/cell  peak heap %4.0f MiB "
                    + "of %.0f MiB%n", f.cells(), f.wallSeconds(), f.wallMsPerCell(), f.cpuMsPerCell(), f.peakHeapMiB(),
                    Meter.maxHeapMiB());
        }
    }

    /** Fleet scale: plan on a generated 200-host, 2,000-link fleet (target: under a minute on 2 cores). */
    private void fleetPlan(EngineRegistry engines) throws IOException, InterruptedException {
        io.handshakematrix.bench.FleetScale.Figure f = io.handshakematrix.bench.FleetScale.run(200, 20, engines, jobs);
        System.out.printf("%nPlan, generated fleet (fixed seed, %d hosts, %d links, every RHEL 6 sender -> rhel-7.7, "
                + "%d jobs, reports included):%n  %d distinct cells (%d handshakes), %.1f s wall (target < 60 s), %.1f s CPU, "
                + "peak heap %.0f MiB; %d links break, %d fleet-wide edits chosen%n", f.hosts(), f.links(), jobs,
                f.distinctCells(), f.handshakes(), f.wallSeconds(), f.cpuSeconds(), f.peakHeapMiB(), f.breaks(), f.chosen());
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
