package io.handshakematrix.report;

import io.handshakematrix.config.ProductSupport;
import io.handshakematrix.explain.SiblingFixes;
import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.OpensslErrorLine;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.TlsAlerts;
import io.handshakematrix.profile.CheckKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * One article per distinct failure between OS releases in a run, in the form support teams publish: the symptom
 * as title; Issue (both sides' lines as the product logs them); Environment (releases and settings); Cause (the
 * check that refused); Resolution (numbered configssl.cnf blocks, each proven by cells of the run, with its cost);
 * Additional information (who else is affected) and the run's stamp as a footer. Harness-only names (real-stack
 * engines, test-only groups, pre-Logjam builds) stay in kb-detail.
 */
final class KbSupportArticles {
    /** One article: its file stem (kb/STEM.md), title and blocks. */
    record Article(String stem, String title, List<KbBlock> blocks) {
    }

    private static final int MAX_PAIRS = 6;
    private static final int MAX_FIXES = 3;

    private KbSupportArticles() {}

    static List<Article> build(KbFacts f) {
        Map<String, List<CellResult>> failures = new LinkedHashMap<>();
        for (CellResult r : f.results) {
            HandshakeResult h = r.result();
            if (h.outcome() != Outcome.FAIL || h.failedSide() == null || !r.cell().extras().isEmpty()
                    || CellAxes.senderMinDhBits(r.cell()) != 0 || f.testOnly(CellAxes.dhGroup(r.cell()))
                    || OsRelease.of(CellAxes.sender(r.cell())).isEmpty()
                    || OsRelease.of(CellAxes.receiver(r.cell())).isEmpty()) {
                continue;
            }
            failures.computeIfAbsent(key(h), k -> new ArrayList<>()).add(r);
        }
        List<Article> out = new ArrayList<>();
        failures.values().stream().sorted((a, b) -> b.size() - a.size()).forEach(cells -> out.add(article(f, cells)));
        return out;
    }

    /** A distinct failure: the side that gave up, its rule (else its reason), the alert on the wire. */
    private static String key(HandshakeResult h) {
        String rule = (h.failedSide() == Side.SENDER ? h.senderTrace() : h.receiverTrace()).rule();
        return h.failedSide() + "|" + (rule != null ? rule : reason(h)) + "|" + (h.alert() == null ? "-" : h.alert().code());
    }

    private static Article article(KbFacts f, List<CellResult> cells) {
        CellResult ex = cells.get(0);
        HandshakeResult h = ex.result();
        Side refused = h.failedSide();
        String refusing = first(refused == Side.SENDER ? h.senderErrors() : h.receiverErrors());
        String other = first(refused == Side.SENDER ? h.receiverErrors() : h.senderErrors());
        String title = "TLS handshake fails: the " + refused.label() + " logs \"" + reason(refusing) + "\""
                + (other.isEmpty() ? "" : " and the " + refused.peer().label() + " logs \"" + reason(other) + "\"");
        List<KbBlock> b = new ArrayList<>();
        b.add(new KbBlock.Heading(1, title, null));
        b.add(new KbBlock.Heading(2, "Issue", "issue"));
        b.add(new KbBlock.Para("A file transfer between two systems fails during the TLS handshake. The product logs:"));
        List<String> logged = new ArrayList<>();
        for (Side s : List.of(Side.SENDER, Side.RECEIVER)) {
            String line = first(s == Side.SENDER ? h.senderErrors() : h.receiverErrors());
            if (!line.isEmpty()) {
                logged.add(s.label() + ": " + wrapped(f.product.support(), line));
            }
        }
        b.add(new KbBlock.Code(logged));
        b.add(new KbBlock.Heading(2, "Environment", "environment"));
        b.add(new KbBlock.Items(List.of(
                "Sender (TLS client): " + labels(cells, true),
                "Receiver (TLS server): " + labels(cells, false),
                "Receiver's configssl.cnf: " + settings(f, cells))));
        b.add(new KbBlock.Heading(2, "Cause", "cause"));
        b.add(new KbBlock.Para(cause(ex, refusing)));
        b.add(new KbBlock.Heading(2, "Resolution", "resolution"));
        resolution(f, cells, b);
        b.add(new KbBlock.Heading(2, "Additional Information", "additional-information"));
        b.add(new KbBlock.Para(affected(cells)));
        b.add(new KbBlock.Para("Verified by real TLS handshakes: " + f.header() + ". The harness's full tables: "
                + KbText.span("kb-detail.md") + "."));
        return new Article(stem(refused, refusing, h), title, b);
    }

    /** The library's line inside the product's own wrapper (its first log prefix's example), as the product logs it. */
    static String wrapped(ProductSupport product, String line) {
        for (ProductSupport.LogPrefix p : product.logPrefixes()) {
            Matcher m = p.pattern().matcher(p.example());
            if (!p.example().isEmpty() && m.find() && m.start("line") >= 0) {
                return p.example().substring(0, m.start("line")) + line + p.example().substring(m.end("line"));
            }
        }
        return line;
    }

    private static String cause(CellResult ex, String refusing) {
        HandshakeResult h = ex.result();
        Side s = h.failedSide();
        String rule = (s == Side.SENDER ? h.senderTrace() : h.receiverTrace()).rule();
        String what = null;
        for (CheckKind k : CheckKind.values()) {
            if (k.yamlName().equals(rule)) {
                what = k.meaning();
            }
        }
        String alert = h.alert() == null ? "closed the connection without an alert"
                : "sent alert " + h.alert().code() + " (" + TlsAlerts.name(h.alert().code()) + "), which the "
                + s.peer().label() + " logs as received";
        String dh = s == Side.SENDER ? "the receiver's Diffie-Hellman (DH) parameters" : "the handshake";
        return "The " + s.label() + "'s TLS library refused " + dh + (what != null ? ": " + what : "") + " ("
                + KbText.span(reason(refusing)) + "), and " + alert + ". The receiver serves its DH group from the "
                + "[DH] table of configssl.cnf; a blank [DH] section serves the product's internal program table.";
    }

    private static void resolution(KbFacts f, List<CellResult> cells, List<KbBlock> b) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, SiblingFixes.Fix> fixes = new LinkedHashMap<>();
        for (CellResult c : cells) {
            for (SiblingFixes.Fix x : f.fixes.of(c.cell())) {
                counts.computeIfAbsent(x.change(), k -> new int[1])[0]++;
                fixes.putIfAbsent(x.change(), x);
            }
        }
        List<String> order = new ArrayList<>(fixes.keySet()); // each cell's fixes come ranked; the most cells first
        order.sort((a, z) -> counts.get(z)[0] - counts.get(a)[0]);
        if (order.isEmpty()) {
            b.add(new KbBlock.Para("No one-setting change passed in this run."));
            return;
        }
        int n = 0;
        for (String change : order.subList(0, Math.min(MAX_FIXES, order.size()))) {
            SiblingFixes.Fix x = fixes.get(change);
            List<String> notes = new ArrayList<>();
            if (x.keepsDhe()) {
                notes.add("keeps DHE (forward secrecy)");
            }
            String count = new io.handshakematrix.results.PeerCount(x.accepted(), x.refused()).text();
            if (!count.isEmpty()) {
                notes.add(count);
            }
            notes.add("passed in " + counts.get(change)[0] + " of " + cells.size() + " failing handshakes");
            // a peer by its product name: the harness's engine suffix (jdk-17@jvm: a real JDK in a child JVM) stays out
            x.costs().forEach(c -> notes.add("cost: " + c.replaceAll("@[a-z]+\\b", "")));
            b.add(new KbBlock.Para(++n + ". In the receiver's configssl.cnf, set (" + String.join("; ", notes) + "):"));
            b.add(new KbBlock.Code(block(change)));
            Matcher pem = java.util.regex.Pattern.compile("= (dh(\\d+)\\.pem)$").matcher(change);
            if (pem.find()) {
                b.add(new KbBlock.Para("The harness ships " + KbText.span(pem.group(1)) + " (examples/); to make "
                        + "your own: " + KbText.span("openssl dhparam -out " + pem.group(1) + " " + pem.group(2))
                        + ". Put it next to configssl.cnf and restart the receiver."));
            }
        }
    }

    /** "[DH] DH_2048_RECEIVE_SIDE = dh2048.pem" as the section header and the key line. */
    private static List<String> block(String change) {
        Matcher m = java.util.regex.Pattern.compile("^\\[(\\w+)] (.*)$").matcher(change);
        return m.matches() ? List.of("[" + m.group(1) + "]", m.group(2)) : List.of(change);
    }

    private static String labels(List<CellResult> cells, boolean sender) {
        Set<OsRelease> out = new java.util.TreeSet<>(OsRelease.ORDER);
        cells.forEach(c -> OsRelease.of(sender ? CellAxes.sender(c.cell()) : CellAxes.receiver(c.cell()))
                .ifPresent(out::add));
        return String.join(", ", out.stream().map(OsRelease::label).toList());
    }

    private static String settings(KbFacts f, List<CellResult> cells) {
        Set<String> sides = new LinkedHashSet<>();
        Set<String> tables = new LinkedHashSet<>();
        for (CellResult c : cells) {
            sides.add(CellAxes.receiveSide(c.cell()));
            String g = CellAxes.dhGroup(c.cell());
            tables.add(g.equals(f.product.internalGroup()) ? "blank (the internal program table)"
                    : KbFacts.isSize(g) ? g + " bits" : g);
        }
        return "[RSAKEY] RECEIVE_SIDE = " + String.join(" or ", sides) + "; [DH] table: " + String.join(", ", tables);
    }

    private static String affected(List<CellResult> cells) {
        Set<String> pairs = new LinkedHashSet<>();
        cells.forEach(c -> pairs.add(OsRelease.of(CellAxes.sender(c.cell())).orElseThrow().label() + " -> "
                + OsRelease.of(CellAxes.receiver(c.cell())).orElseThrow().label()));
        List<String> shown = new ArrayList<>(pairs).subList(0, Math.min(MAX_PAIRS, pairs.size()));
        return "Seen in " + cells.size() + " handshakes of this run between " + String.join("; ", shown)
                + (pairs.size() > MAX_PAIRS ? " and " + (pairs.size() - MAX_PAIRS) + " more pairs" : "")
                + ". Any sender whose TLS library runs the same check is affected the same way; the compatibility "
                + "tables (" + KbText.span("compatibility.md") + ") show each pair of OS releases.";
    }

    private static String stem(Side s, String line, HandshakeResult h) {
        String slug = (s.label() + "-" + reason(line) + (h.alert() == null ? "-no-alert" : "-alert-" + h.alert().code()))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.length() > 80 ? slug.substring(0, 80) : slug;
    }

    private static String first(List<String> lines) {
        return lines == null || lines.isEmpty() ? "" : lines.get(0).split("\n")[0].replace("[unverified] ", "").strip();
    }

    private static String reason(HandshakeResult h) {
        return reason(first(h.failedSide() == Side.RECEIVER ? h.receiverErrors() : h.senderErrors()));
    }

    /** OpenSSL's reason field, else the line without a Java exception's class name. */
    static String reason(String line) {
        return KbText.words(OpensslErrorLine.reason(line.replace("[unverified] ", "")).strip());
    }
}
