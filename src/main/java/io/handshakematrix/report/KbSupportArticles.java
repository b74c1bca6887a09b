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
    private static final int MAX_TABLES = 2;
    /** An article pastes into a knowledge base as is: under 3 KB of Markdown. */
    static final int MAX_BYTES = 3 * 1024;
    private static final int SPELLINGS = 3;

    private KbSupportArticles() {}

    static List<Article> build(KbFacts f) {
        Map<String, List<CellResult>> failures = new LinkedHashMap<>();
        for (CellResult r : f.results) {
            HandshakeResult h = r.result();
            // between OS releases under any crypto policy; not the harness's test-only groups or setups
            if (h.outcome() != Outcome.FAIL || h.failedSide() == null || !OsRelease.osSetup(r.cell())
                    || f.testOnly(CellAxes.dhGroup(r.cell()))) {
                continue;
            }
            failures.computeIfAbsent(key(h), k -> new ArrayList<>()).add(r);
        }
        List<Article> out = new ArrayList<>();
        failures.values().stream().sorted((a, b) -> b.size() - a.size()).forEach(cells -> out.add(fitted(f, cells)));
        return out;
    }

    /** The article with as many spellings of each side's line as fit under {@link #MAX_BYTES} (at least one). */
    private static Article fitted(KbFacts f, List<CellResult> cells) {
        Article a = article(f, cells, SPELLINGS, MAX_PAIRS);
        for (int n = SPELLINGS - 1; n >= 1 && tooBig(a); n--) {
            a = article(f, cells, n, MAX_PAIRS);
        }
        for (int pairs = MAX_PAIRS - 1; pairs >= 1 && tooBig(a); pairs--) {
            a = article(f, cells, 1, pairs);
        }
        return a;
    }

    private static boolean tooBig(Article a) {
        return KbRender.markdown(a.blocks()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= MAX_BYTES;
    }

    /**
     * A distinct failure: the side that gave up, its rule, the reason its library prints (the title a reader
     * searches for: a RHEL 6 FIPS receiver's "key size too small" and a RHEL 9 receiver's "dh key too small" are
     * the same rule but two articles), the alert on the wire.
     */
    private static String key(HandshakeResult h) {
        String rule = (h.failedSide() == Side.SENDER ? h.senderTrace() : h.receiverTrace()).rule();
        return h.failedSide() + "|" + rule + "|" + reason(h).toLowerCase(Locale.ROOT) + "|"
                + (h.alert() == null ? "-" : h.alert().code());
    }

    private static Article article(KbFacts f, List<CellResult> cells, int spellings, int pairs) {
        CellResult ex = cells.get(0);
        HandshakeResult h = ex.result();
        Side refused = h.failedSide();
        String refusing = first(refused == Side.SENDER ? h.senderErrors() : h.receiverErrors());
        String other = KbIssueLines.first(cells, refused.peer());
        String title = "TLS handshake fails: the " + refused.label() + " logs \"" + reason(refusing) + "\""
                + (other.isEmpty() ? "" : " and the " + refused.peer().label() + " logs \"" + reason(other) + "\"");
        List<KbBlock> b = new ArrayList<>();
        b.add(new KbBlock.Heading(1, title, null));
        b.add(new KbBlock.Heading(2, "Issue", "issue"));
        b.add(new KbBlock.Para("A file transfer between two systems fails during the TLS handshake. The product logs:"));
        List<String> logged = new ArrayList<>();
        List<String> silent = new ArrayList<>();
        for (Side s : List.of(Side.SENDER, Side.RECEIVER)) {
            Map<String, Set<OsRelease>> lines = KbIssueLines.of(cells, s, spellings);
            lines.forEach((text, by) -> text.lines().forEach(line -> logged.add(s.label() + (lines.size() > 1
                    ? " (" + KbIssueLines.names(by) + ")" : "") + ": " + wrapped(f.product.support(), line))));
            if (lines.isEmpty()) {
                silent.add(s.label());
            }
        }
        b.add(new KbBlock.Code(logged));
        if (!silent.isEmpty()) {
            // a side whose stack prints nothing gets no invented line: the article says so instead
            b.add(new KbBlock.Para("The " + String.join(" and the ", silent) + " logs no TLS error line of its own."));
        }
        b.add(new KbBlock.Heading(2, "Environment", "environment"));
        b.add(new KbBlock.Items(List.of(
                "Sender (TLS client): " + labels(cells, true),
                "Receiver (TLS server): " + labels(cells, false),
                "Receiver's configssl.cnf: " + settings(f, cells))));
        b.add(new KbBlock.Heading(2, "Cause", "cause"));
        b.add(new KbBlock.Para(cause(ex, refusing)));
        b.add(new KbBlock.Heading(2, "Resolution", "resolution"));
        List<String> offered = resolution(f, cells, b);
        b.add(new KbBlock.Heading(2, "Additional Information", "additional-information"));
        b.add(new KbBlock.Para(affected(cells, pairs)));
        if (offered.stream().anyMatch(c -> c.equals(f.rsaFix()) || c.startsWith("[DH] " + f.product.keyFor(1024) + " "))) {
            b.add(new KbBlock.Para(KbUpgradeFixes.sentence(f)));
        }
        b.add(new KbBlock.Para("Verified by real TLS handshakes: " + f.stamp() + "; full tables: "
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
        String what = "p_bits_below".equals(rule) ? "the DH table is under the minimum size its TLS library (or crypto "
                + "policy) accepts for a server" : null;
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

    /**
     * The fixes the run proves for these cells, in the order of the one ranking explain and diagnose use
     * ({@link SiblingFixes}: DHE first, then current peers, then the smaller group), the most cells first among
     * equals; two [DH] tables at most, so that the RSA setting (the article's other fix) keeps its place when the
     * run proves it. Returns the changes offered.
     */
    private static List<String> resolution(KbFacts f, List<CellResult> cells, List<KbBlock> b) {
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
            return List.of();
        }
        List<String> offered = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        for (String change : order) {
            SiblingFixes.Fix x = fixes.get(change);
            if (offered.size() == MAX_FIXES || dominated(x, offered, fixes)) {
                continue;
            }
            offered.add(change);
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
            b.add(new KbBlock.Para(offered.size() + ". In the receiver's configssl.cnf, set (" + String.join("; ", notes)
                    + "):"));
            b.add(new KbBlock.Code(block(change)));
            Matcher pem = PEM.matcher(change);
            if (pem.find()) {
                files.add(pem.group(1));
            }
        }
        if (!files.isEmpty()) {
            b.add(new KbBlock.Para("The harness ships " + String.join(", ", files.stream().map(KbText::span)
                    .toList()) + " (examples/); to make your own: " + String.join(", ", files.stream().map(
                    n -> KbText.span("openssl dhparam -out " + n + " " + n.replaceAll("\\D", ""))).toList())
                    + ". Put the file next to configssl.cnf and restart the receiver."));
        }
        return offered;
    }

    private static final java.util.regex.Pattern PEM = java.util.regex.Pattern.compile("= (dh(\\d+)\\.pem)$");

    /** A third [DH] table after two (a larger group adds only handshake time): room for the RSA setting instead. */
    private static boolean dominated(SiblingFixes.Fix x, List<String> offered, Map<String, SiblingFixes.Fix> fixes) {
        return x.keepsDhe() && offered.stream().map(fixes::get).filter(SiblingFixes.Fix::keepsDhe).count() >= MAX_TABLES;
    }

    /** "[DH] DH_2048_RECEIVE_SIDE = dh2048.pem" as the section header and the key line. */
    private static List<String> block(String change) {
        Matcher m = java.util.regex.Pattern.compile("^\\[(\\w+)] (.*)$").matcher(change);
        return m.matches() ? List.of("[" + m.group(1) + "]", m.group(2)) : List.of(change);
    }

    /** "RHEL 6.10, RHEL 9.4 (DEFAULT, LEGACY policy)": each release once, with its crypto policies when not DEFAULT alone. */
    private static String labels(List<CellResult> cells, boolean sender) {
        Map<OsRelease, Set<String>> policies = new java.util.TreeMap<>(OsRelease.ORDER);
        for (CellResult c : cells) {
            String policy = c.cell().extras().get(sender ? "sender_policy" : "receiver_policy");
            policies.computeIfAbsent(OsRelease.of(sender ? c.cell().sender() : c.cell().receiver()).orElseThrow(),
                    k -> new java.util.TreeSet<>()).add(policy == null ? "DEFAULT" : policy);
        }
        List<String> out = new ArrayList<>();
        policies.forEach((o, p) -> out.add(o.label() + (p.equals(Set.of("DEFAULT")) ? ""
                : " (" + String.join(", ", p) + " policy)")));
        return String.join(", ", out);
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

    private static String affected(List<CellResult> cells, int max) {
        Set<String> pairs = new LinkedHashSet<>();
        cells.forEach(c -> pairs.add(OsRelease.of(c.cell(), true).orElseThrow().label() + " -> "
                + OsRelease.of(c.cell(), false).orElseThrow().label()));
        List<String> shown = new ArrayList<>(pairs).subList(0, Math.min(max, pairs.size()));
        return "Seen in " + cells.size() + " handshakes of this run between " + String.join("; ", shown)
                + (pairs.size() > max ? " and " + (pairs.size() - max) + " more pairs" : "")
                + ". Every pair of OS releases: " + KbText.span("compatibility.md") + ".";
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
