package io.handshakematrix.cli;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.diagnose.Explainer;
import io.handshakematrix.explain.CaseReading;
import io.handshakematrix.explain.CustomerLog;
import io.handshakematrix.explain.LineIndex;
import io.handshakematrix.explain.LogLine;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.results.ResultsJson;
import io.handshakematrix.results.ShippedResults;
import io.handshakematrix.yaml.InputError;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Looks a customer's log line up in the results of a run. It reads results.json rather than starting a run of
 * its own: the causes it names are the cells the KB was built from (same run, same digest), it starts no
 * handshake, and the same question always gets the same answer until the next run.
 */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Explain a TLS error line from a customer's log: who prints it, what caused it, what fixes it.",
        description = {"Takes any line a stack or the product prints, with or without the product's own prefix",
            "(e.g. XCOMU0780E Txpi 308: TxpiInitSSL Failed msg = <...>, patterns in the product profile), and looks it",
            "up in the results of a run (without one: the default matrix's verified results shipped in the jar):",
            "which stacks print it on which side, what it means there, the causes the matrix has seen for it",
            "(grouped, each with the peer's line to ask the customer for) and the fixes those results prove, ranked",
            "as diagnose ranks them. The lines given together (or a --file) are one case: which library printed",
            "them, one sentence for the most likely cause, and its fixes. An unknown line is said to be unknown,",
            "with the nearest known lines."},
        footer = {"", "Exit codes: 0 every line known; 1 some line unknown; 2 bad input (no results, an empty, binary",
            "or too large file: one line).", "",
            "Examples (the support case's receiver and sender lines):",
            "  explain 'XCOMU0780E Txpi 308: TxpiInitSSL Failed msg = <error:14094410:SSL routines:SSL3_READ_BYTES:"
                    + "sslv3 alert handshake failure:s3_pkt.c:1275:SSL alert number 40>'",
            "  explain 'ssl3_get_key_exchange:bad dh g value'",
            "  explain --file customer.log --results reports/results.json"})
final class ExplainCommand implements Callable<Integer> {
    /**
     * In a file, the lines worth explaining: any line a stack printed in the run or a profile prints, one the product
     * wrapped, or one that reads as a TLS library's: an OpenSSL error code, SSL/TLS, an alert, a handshake, a cipher, a
     * certificate, DH, JSSE or GnuTLS. A product's own "transfer 4711 failed" is not a question about TLS.
     */
    private static final Pattern TLS_LIKE = Pattern.compile("(?i)error:[0-9a-f]{8}:|\\bssl|\\btls|alert|handshake|cipher"
            + "|certificate|diffie|\\bdh\\b|javax\\.net|gnutls|x509");
    private static final int MAX_LINES = 20;

    @Parameters(paramLabel = "LINE", arity = "0..*", description = "log line(s) to explain (quote each)")
    List<String> lines = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE",
            description = "a customer's log; lines that look like TLS errors are explained (at most "
                    + CustomerLog.LIMIT_BYTES / (1024 * 1024) + " MiB)")
    Path file;

    @Option(names = "--results", paramLabel = "FILE", defaultValue = "reports/results.json",
            description = "results of a run to look lines up in (default: ${DEFAULT-VALUE}, written by 'run'; "
                    + "without it, the default matrix's verified results shipped in the jar)")
    Path results;

    @Option(names = "--product", paramLabel = "FILE",
            description = "product profile YAML (log prefixes, [DH] keys; default: the shipped file-transfer.yaml)")
    Path productFile;

    @Option(names = "--profiles", paramLabel = "DIR", description = "extra directory of stack profile *.yaml files")
    Path profilesDir;

    @Override
    public Integer call() {
        if (lines.isEmpty() && file == null) {
            throw new InputError("explain", 0, "expected a LINE or --file FILE");
        }
        // no run here: read the shipped results on the other core while the profiles load (each takes most of a second
        // in a cold JVM)
        java.util.concurrent.CompletableFuture<ShippedResults> shipped = Files.isRegularFile(results) ? null
                : java.util.concurrent.CompletableFuture.supplyAsync(ShippedResults::inJar);
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        ProductProfile product = ProductProfiles.load(productFile, groups);
        List<String> asked = new ArrayList<>(lines.stream().map(CustomerLog::printable).toList());
        if (file != null) {
            asked.addAll(CustomerLog.read(file));
        }
        ProfileCatalog profiles = ProfileCatalog.withDirectory(profilesDir);
        profiles.addBundled(product.support().bundledProfiles());
        PrintStream out = System.out;
        List<CellResult> cells = List.of();
        String source = String.valueOf(results);
        Path base = null;
        if (Files.isRegularFile(results)) {
            cells = ResultsJson.read(results);
            Map<String, Object> run = ResultsJson.readRun(results);
            Object matrix = run.get("matrix");
            base = matrix != null && Path.of(matrix.toString()).getParent() != null
                    ? Path.of(matrix.toString()).getParent() : null;
            out.println("Looked up in " + results + " (" + cells.size() + " cells of " + matrix + ", run "
                    + run.getOrDefault("started", "?") + ") and in the stack profiles");
        } else if (!shipped.join().cells().isEmpty()) {
            // a support engineer in a call has no run at hand: the default matrix's verified results travel in the jar
            cells = ShippedResults.inJar().cells();
            source = "the results shipped in this jar";
            out.println("No run at " + results + ": looked up in the verified results shipped in this jar ("
                    + ShippedResults.inJar().describe() + "; written by 'shipped-results', checked by the build) and in "
                    + "the stack profiles, with the product's bundled library: "
                    + String.join(", ", product.support().bundledProfiles()));
        } else {
            // a jar built without shipped results: the profiles' measured lines still answer at once
            out.println("No run at " + results + ": answered from the stack profiles' measured lines (shipped in the "
                    + "jar, with the product's bundled library: " + String.join(", ", product.support().bundledProfiles())
                    + "); 'run' adds the causes and fixes real handshakes proved");
        }
        LineIndex index = new LineIndex(cells, product);
        Explainer why = new Explainer(profiles, groups, Map.of(), base);
        io.handshakematrix.explain.ProfileLines known = new io.handshakematrix.explain.ProfileLines(profiles.all());
        CaseReading reading = new CaseReading(productFirst(profiles, product));
        Map<String, LogLine> distinct = new java.util.LinkedHashMap<>();
        Set<String> fromArgs = new LinkedHashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            LogLine q = LogLine.of(asked.get(i), product.support());
            if (!q.text().isEmpty()) {
                distinct.putIfAbsent(q.text(), q);
                if (i < lines.size()) {
                    fromArgs.add(q.text());
                }
            }
        }
        List<LineIndex.Answer> answers = new ArrayList<>();
        int notShown = 0;
        for (LogLine q : distinct.values()) {
            if (!fromArgs.contains(q.text()) && !q.wrapped() && !TLS_LIKE.matcher(q.text()).find() && known.matching(q).isEmpty()
                    && !index.knows(q)) {
                continue; // an ordinary line of the file: not a question
            }
            if (answers.size() < MAX_LINES) {
                answers.add(index.lookup(q)); // the full answer (with the nearest lines of a miss) only for those shown
            } else {
                notShown++;
            }
        }
        boolean allKnown = true;
        for (LineIndex.Answer a : answers) {
            List<CaseReading.Refusal> peers = CaseReading.receivedAlert(a.line())
                    .map(alert -> reading.sendersOf(alert, Side.SENDER)).orElse(List.of());
            allKnown &= a.known() || !known.matching(a.line()).isEmpty() || !peers.isEmpty();
            out.println();
            ExplainText.answer(out, a, why, product.origin(), known.matching(a.line()), !peers.isEmpty());
            ExplainText.profileReading(out, reading.refusals(a.line()), peers);
        }
        List<LogLine> caseLines = answers.stream().map(LineIndex.Answer::line).toList();
        if (!caseLines.isEmpty()) {
            out.println();
            reading.libraryMatch(caseLines).ifPresent(m -> out.println(m.sentence()));
            String cause = reading.mostLikelyCause(caseLines);
            if (cause != null) {
                out.println(cause);
            }
            Optional<CaseReading.Refusal> refusal = reading.mostLikelyRefusal(caseLines);
            if (!cells.isEmpty() && refusal.isPresent()) {
                ExplainText.caseFixes(out, answers, refusal.get(), source, product, groups);
            }
            if (cause != null) {
                // diagnose tries each fix against the customer's own receiver and configssl.cnf
                out.println((cells.isEmpty() ? "Fixes, ranked and each verified by a handshake: "
                        : "To verify them against your own receiver and its configssl.cnf: ") + "diagnose --config configssl.cnf --sender "
                        + reading.libraryMatch(caseLines).map(m -> m.matching().get(0).stack().id()).orElse("SENDER")
                        + " --receiver RECEIVER --log 'LINE' (one --log per line; about 5 s).");
            }
        }
        if (notShown > 0) {
            out.println();
            out.println("... " + notShown + " more distinct lines not shown (at most " + MAX_LINES + ")");
        }
        if (answers.isEmpty()) {
            throw new InputError(String.valueOf(file), 0, "no line looks like a TLS error (an OpenSSL error code, "
                    + "SSL, TLS, alert, handshake, cipher, certificate, DH, javax.net, GnuTLS); expected the part of the "
                    + "log around the failure");
        }
        return allKnown ? Main.OK : Main.DIFFERENCES;
    }

    /** The product's bundled library first: a line the product logged was most likely printed by its own copy. */
    private static List<StackProfile> productFirst(ProfileCatalog profiles, ProductProfile product) {
        List<StackProfile> out = new ArrayList<>();
        product.support().bundledProfiles().forEach(id -> profiles.find(id).ifPresent(out::add));
        profiles.all().stream().filter(p -> !out.contains(p)).forEach(out::add);
        return out;
    }
}
