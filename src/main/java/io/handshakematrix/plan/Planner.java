package io.handshakematrix.plan;

import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ReceiverSetting;
import io.handshakematrix.diagnose.Explainer;
import io.handshakematrix.diagnose.Explanation;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import io.handshakematrix.runner.ProgressListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Plans an upgrade with real handshakes, in four passes over distinct cells (each run once, see
 * {@link CellBatch}): every link before and after the planned changes; on each distinct failing cell, the
 * fix finder's changes (each a handshake, through the same CellRunner); every candidate edit re-run on every link through the file it edits;
 * and the chosen set applied all together, every link once more.
 */
public final class Planner {
    /** The display for one pass: a name for it ("before and after") and a listener for its cells. */
    public interface Progress {
        ProgressListener pass(String name);
    }

    private final CellRunner runner;
    private final MatrixRunner pool;
    private final int jobs;

    public Planner(CellRunner runner, int jobs) {
        this.runner = runner;
        this.pool = new MatrixRunner(runner, jobs);
        this.jobs = Math.max(1, jobs);
    }

    public Plan plan(Fleet fleet, Progress progress) throws InterruptedException {
        long start = System.nanoTime();
        CellBatch batch = new CellBatch(pool, fleet.file(), fleet.productSettings());
        Map<String, Host> before = fleet.hosts();
        Map<String, Host> after = fleet.after();
        String proto = fleet.protocol();

        run(batch, fleet.links().stream().flatMap(l -> List.of(cell(before, l, proto), cell(after, l, proto)).stream())
                .toList(), progress.pass("before and after the planned changes"));

        Explainer explainer = new Explainer(runner);
        Map<Cell, Explanation> whys = new HashMap<>();
        Function<Cell, Explanation> why = c -> LinkResult.ok(batch.get(c)) ? null
                : whys.computeIfAbsent(c, k -> explainer.explain(k, batch.get(k)));
        Map<String, List<FixOption>> optionsByCell = options(fleet, after, batch, progress);
        List<LinkResult> results = new ArrayList<>();
        for (Link l : fleet.links()) {
            Cell b = cell(before, l, proto);
            Cell a = cell(after, l, proto);
            HandshakeResult ra = batch.get(a);
            List<FixOption> options = LinkResult.ok(ra) ? List.of()
                    : optionsByCell.get(optionsKey(a, after.get(l.receiver()).config()));
            results.add(new LinkResult(l, b, batch.get(b), a, ra, why.apply(b), why.apply(a), options));
        }

        List<LinkResult> failing = results.stream().filter(r -> !LinkResult.ok(r.afterResult())).toList();
        Map<String, HostEdit> edits = new LinkedHashMap<>();
        for (LinkResult r : failing) {
            for (FixOption o : r.options()) {
                if (o.attempt().works()) {
                    HostEdit e = edit(r, o, after.get(r.link().receiver()).configFile());
                    edits.putIfAbsent(e.key(), e);
                }
            }
        }
        Set<Cell> reruns = new LinkedHashSet<>();
        for (HostEdit e : edits.values()) {
            Map<String, Host> edited = edited(after, e);
            fleet.links().stream().filter(e::affects).forEach(l -> reruns.add(cell(edited, l, proto)));
        }
        run(batch, reruns, progress.pass("candidate fixes on every link through the edited file"));
        List<EditCheck> checks = edits.values().stream().map(e -> check(e, fleet.links(), after, batch, proto)).toList();
        List<FleetFixes.Chosen> chosen = FleetFixes.choose(checks, failing.stream().map(LinkResult::link).toList());

        Map<String, Host> fixed = new LinkedHashMap<>(after);
        for (FleetFixes.Chosen c : chosen) {
            fixed.replaceAll((name, h) -> c.check().edit().apply(h));
        }
        List<Cell> finalCells = fleet.links().stream().map(l -> cell(fixed, l, proto)).toList();
        run(batch, finalCells, progress.pass("the planned changes and the chosen fixes together"));
        Map<Link, HandshakeResult> withFixes = new LinkedHashMap<>();
        for (Link l : fleet.links()) {
            withFixes.put(l, batch.get(cell(fixed, l, proto)));
        }
        return new Plan(fleet, List.copyOf(results), checks, chosen, withFixes, batch.distinctCells(), batch.handshakes(),
                (System.nanoTime() - start) / 1e9);
    }

    /**
     * The fix finder's verified changes for each distinct failing cell after the planned changes (with the
     * receiver's config: what a change to it does depends on the tables already set), {@code jobs} at a time.
     */
    private Map<String, List<FixOption>> options(Fleet fleet, Map<String, Host> after, CellBatch batch,
                                                 Progress progress) throws InterruptedException {
        Map<String, Link> todo = new LinkedHashMap<>();
        for (Link l : fleet.links()) {
            Cell a = cell(after, l, fleet.protocol());
            if (!LinkResult.ok(batch.get(a))) {
                todo.putIfAbsent(optionsKey(a, after.get(l.receiver()).config()), l);
            }
        }
        FixRanking ranking = new FixRanking(runner, fleet.product());
        Map<String, List<FixOption>> out = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "plan-fixes");
            t.setDaemon(true);
            return t;
        });
        try (ProgressListener p = progress.pass("fixes tried on each distinct failing cell")) {
            p.start(todo.size(), 0);
            List<Future<?>> running = new ArrayList<>();
            for (Map.Entry<String, Link> e : todo.entrySet()) {
                running.add(threads.submit(() -> {
                    Cell a = cell(after, e.getValue(), fleet.protocol());
                    HandshakeResult r = batch.get(a);
                    List<FixOption> o = ranking.options(a, r, after.get(e.getValue().receiver()).config());
                    o.forEach(x -> batch.record(x.attempt().cell(), x.attempt().result()));
                    out.put(e.getKey(), o);
                    p.cellDone(new CellResult(a, CellRunner.engineLabel(a), r, null, null, List.of()));
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("finding fixes failed: " + e.getCause(), e.getCause());
        } finally {
            threads.shutdownNow();
        }
        return out;
    }

    private static String optionsKey(Cell after, ConfigSsl receiverConfig) {
        return after.key() + "#" + configKey(receiverConfig);
    }

    private static void run(CellBatch batch, java.util.Collection<Cell> cells, ProgressListener display)
            throws InterruptedException {
        try (ProgressListener p = display) {
            batch.runAll(cells, p);
        }
    }

    /** The edit a working fix stands for: the sender's legacy-settings if that is what it changed, else the receiver's config. */
    private static HostEdit edit(LinkResult r, FixOption o, java.nio.file.Path receiverFile) {
        Cell changed = o.attempt().cell();
        if (changed.senderMinDhBits() != r.after().senderMinDhBits()) {
            return new HostEdit(r.link().sender(), HostEdit.Role.SENDER, o.attempt().where(), o.attempt().change(),
                    o.cost(), o.keepsDhe(), null, changed.senderMinDhBits(), o.attempt().peerCount());
        }
        return new HostEdit(r.link().receiver(), HostEdit.Role.RECEIVER, "configssl.cnf of " + r.link().receiver() + ": "
                + shown(receiverFile), o.attempt().change(),
                o.cost(), o.keepsDhe(), new ReceiverSetting(changed.receiveSide(), changed.dhGroup(), o.attempt().change()),
                0, o.attempt().peerCount());
    }

    /** A path as the user would type it: relative to the working directory when under it. */
    static String shown(java.nio.file.Path file) {
        java.nio.file.Path cwd = java.nio.file.Path.of("").toAbsolutePath();
        java.nio.file.Path abs = file.toAbsolutePath();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }

    private static EditCheck check(HostEdit e, List<Link> links, Map<String, Host> after, CellBatch batch, String proto) {
        Map<String, Host> edited = edited(after, e);
        List<Link> affected = new ArrayList<>();
        List<Link> fixes = new ArrayList<>();
        List<Link> breaks = new ArrayList<>();
        List<Link> still = new ArrayList<>();
        for (Link l : links) {
            if (!e.affects(l)) {
                continue;
            }
            affected.add(l);
            boolean was = LinkResult.ok(batch.get(cell(after, l, proto)));
            boolean now = LinkResult.ok(batch.get(cell(edited, l, proto)));
            if (was && !now) {
                breaks.add(l);
            } else if (!was) {
                (now ? fixes : still).add(l);
            }
        }
        return new EditCheck(e, affected, fixes, breaks, still);
    }

    private static Map<String, Host> edited(Map<String, Host> hosts, HostEdit e) {
        Map<String, Host> m = new HashMap<>(hosts);
        m.put(e.host(), e.apply(hosts.get(e.host())));
        return m;
    }

    private static Cell cell(Map<String, Host> hosts, Link l, String protocol) {
        return LinkCells.cell(hosts.get(l.sender()), hosts.get(l.receiver()), protocol);
    }

    /** What of a config the fix finder's changes depend on: RECEIVE_SIDE and the tables set. */
    private static String configKey(ConfigSsl c) {
        if (c == null) {
            return "-";
        }
        return c.receiveSide() + "|" + new java.util.TreeMap<>(c.dhTables()).values().stream()
                .map(t -> t.key() + "=" + t.groupSpec()).toList();
    }
}
