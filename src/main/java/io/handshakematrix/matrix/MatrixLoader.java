package io.handshakematrix.matrix;

import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.model.TlsAlerts;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.IncludeResolver;
import io.handshakematrix.yaml.YamlFiles;
import io.handshakematrix.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads matrix.yaml and checks every name against the profile and DH catalogs, so a typo stops the
 * run with file, line and what was expected instead of producing a wrong table.
 */
public final class MatrixLoader {
    private static final Set<String> TOP = Set.of("product", "profiles", "axes", "expect", "disabled", "include");
    private static final Set<String> PRODUCT = Set.of("name", "receive_side");
    /** Under axes: senders, receivers, config: and the key of every axis {@link CellSettings} declares. */
    private static final Set<String> AXES = axesKeys();
    private static final Set<String> RULE = Set.of("when", "outcome", "failed_side", "alert", "stopped_after",
            "check", "sender_error", "receiver_error", "cipher", "protocol", "dh_bits", "why");
    private static final Set<String> DISABLED = Set.of("when", "reason");
    private static final Set<String> MESSAGES = Set.of("ClientHello", "ServerHello", "Certificate",
            "ServerKeyExchange", "CertificateRequest", "ServerHelloDone", "ClientKeyExchange", "Finished");

    private final ProfileCatalog profiles;
    private final DhGroupCatalog groups;
    private final Set<String> engines;
    private boolean allowOutside;
    private IncludeResolver includeResolver;

    public MatrixLoader(ProfileCatalog profiles, DhGroupCatalog groups) {
        this(profiles, groups, Set.of(StackRef.EMULATED));
    }

    /** {@code engines}: the engine names a stack may carry after '@' (openssl-3.0@container). */
    public MatrixLoader(ProfileCatalog profiles, DhGroupCatalog groups, Set<String> engines) {
        this.profiles = profiles;
        this.groups = groups;
        this.engines = engines;
    }

    /** The profile directory a matrix names ({@code profiles:}), resolved against the matrix's folder; null if none. */
    public static Path profileDirectory(Path matrixFile) {
        YamlNode root = YamlFiles.read(matrixFile);
        Map<String, YamlNode> top = root.entries(TOP);
        if (!top.containsKey("profiles")) {
            return null;
        }
        if (top.get("profiles").text().isBlank()) { // resolved, "" would be the matrix's own folder
            throw top.get("profiles").error("profiles: empty; expected a directory of profile *.yaml files (relative "
                    + "to the matrix file)");
        }
        Path dir = matrixFile.toAbsolutePath().getParent().resolve(top.get("profiles").text());
        if (!Files.isDirectory(dir)) {
            throw top.get("profiles").error("profiles: " + dir + " is not a directory; expected a directory of profile "
                    + "*.yaml files (relative to the matrix file)");
        }
        return dir;
    }

    /** {@code include:} files outside the matrix's folder are refused unless allowed (run --allow-outside). */
    public MatrixLoader allowingIncludesOutside(boolean allow) {
        this.allowOutside = allow;
        return this;
    }

    /** The matrix with its includes; a rule that decides no cell, or names a check a stack lacks, is bad input. */
    public Matrix load(Path file) {
        includeResolver = new IncludeResolver(file, allowOutside);
        Matrix m = load(file, new ArrayList<>());
        AxisValueChecks.totalCells(m, file.toString());
        RuleCoverage.check(m, profiles);
        return m;
    }

    /** {@code including}: the files whose include: led here, to refuse a cycle. */
    private Matrix load(Path file, List<Path> including) {
        YamlNode root = YamlFiles.read(file);
        Path base = file.toAbsolutePath().getParent();
        Map<String, YamlNode> top = root.entries(TOP);
        ProductSettings product = product(root.need(top, "product"));
        YamlNode axesNode = root.need(top, "axes");
        Map<String, YamlNode> axes = axesNode.entries(AXES);

        List<String> senders = names(axesNode.need(axes, "senders"), this::stack);
        List<String> receivers = names(axesNode.need(axes, "receivers"), this::stack);
        List<Matrix.ConfiguredReceiver> configured = axes.containsKey("config")
                ? ConfigAxis.read(axes.get("config"), base, product, groups) : List.of();
        // With a config: axis, receive_side and dh may be left out (the files say both).
        boolean crossed = configured.isEmpty() || axes.containsKey("receive_side") || axes.containsKey("dh");
        CellSettings.Context ctx = new CellSettings.Context(product, groups, base, profiles.policies());
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (CellSettings.Axis a : CellSettings.AXES) {
            if (axes.containsKey(a.axesKey())) {
                if (a.axesKey().equals("sender_min_dh_bits")) {
                    AxisValueChecks.distinctNumbers(axes.get(a.axesKey()));   // 0 and "00" are one value
                }
                settings.put(a.name(), values(axes.get(a.axesKey()), n -> a.check().check(n, ctx)));
            } else if (a.whenAbsent() != null) {
                settings.put(a.name(), List.of(a.whenAbsent()));
            } else if (crossed) {
                axesNode.need(axes, a.axesKey());
            }
        }
        PolicyAxisChecks.check(axes.get("sender_policy"), senders, "sender", profiles);
        PolicyAxisChecks.check(axes.get("receiver_policy"), receivers, "receiver", profiles);
        // Counted before anything is crossed: senders x receivers x the other axes x (sides x groups + config files).
        List<Long> sizes = new ArrayList<>(List.of((long) senders.size(), (long) receivers.size()));
        settings.forEach((axis, v) -> {
            if (!axis.equals(Cell.RECEIVE_SIDE) && !axis.equals(Cell.DH)) {
                sizes.add((long) v.size());
            }
        });
        sizes.add((long) settings.getOrDefault(Cell.RECEIVE_SIDE, List.of()).size());
        sizes.add((long) settings.getOrDefault(Cell.DH, List.of()).size());
        AxisValueChecks.cellCount(axesNode, configured.size(), sizes.stream().mapToLong(Long::longValue).toArray());

        String name = file.toString();
        List<Expectation> expect = new ArrayList<>();
        if (top.containsKey("expect")) {
            for (YamlNode r : top.get("expect").items()) {
                expect.add(rule(r, ctx, name));
            }
        }
        List<Matrix.Disabled> disabled = new ArrayList<>();
        if (top.containsKey("disabled")) {
            for (YamlNode d : top.get("disabled").items()) {
                Map<String, YamlNode> m = d.entries(DISABLED);
                disabled.add(new Matrix.Disabled(when(d.need(m, "when"), ctx), d.need(m, "reason").text(), name,
                        d.line()));
            }
        }
        List<Matrix> includes = top.containsKey("include")
                ? includes(top.get("include"), file, product, including) : List.of();
        if (top.containsKey("expect")) { // after the other checks of this file and its includes: a typo is reported first
            for (YamlNode r : top.get("expect").items()) {
                if (!r.entries(RULE).containsKey("why")) {
                    throw r.error("missing key 'why' in " + r.path() + "; expected the reason for this expectation "
                            + "and its source (a rule without one cannot be reviewed)");
                }
            }
        }
        return new Matrix(name, product, senders, receivers, settings, List.copyOf(expect), List.copyOf(disabled),
                configured, includes);
    }

    /** Each included matrix (path relative to this one) with its own axes and rules, and this file's product. */
    private List<Matrix> includes(YamlNode node, Path file, ProductSettings product, List<Path> including) {
        List<Path> chain = new ArrayList<>(including);
        chain.add(IncludeResolver.real(file));
        List<Matrix> out = new ArrayList<>();
        for (YamlNode n : node.itemsOrOne()) {
            includeResolver.resolve(n, file, chain); // inside the folder, no loop (by real path), a regular file
            Matrix m = load(file.getParent() == null ? Path.of(n.text()) : file.getParent().resolve(n.text()), chain);
            if (!m.product().receiveSideSuites().equals(product.receiveSideSuites())) {
                throw n.error(n.path() + ": " + n.text() + " gives RECEIVE_SIDE other suites than this file; expected "
                        + "the same product settings in every included matrix");
            }
            out.add(m);
        }
        return List.copyOf(out);
    }

    /**
     * {@code product: file-transfer} names a product defined once under products/ (its RECEIVE_SIDE values and
     * their suites); a mapping with {@code receive_side:} defines one inline (a test's or a user's own).
     */
    private ProductSettings product(YamlNode node) {
        if (node.isScalar()) {
            return ProductProfiles.named(node.text())
                    .map(p -> new ProductSettings(p.id(), p.receiveSideSuites()))
                    .orElseThrow(() -> node.error("unknown product '" + node.text() + "' in " + node.path()
                            + "; expected the id of a product under src/main/resources/products/ ("
                            + ProductProfiles.BUILTIN + ") or a mapping with receive_side"));
        }
        Map<String, YamlNode> m = node.entries(PRODUCT);
        Map<String, List<String>> sides = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.need(m, "receive_side").entries().entrySet()) {
            ProductProfiles.requireSomeSuite(e.getValue());
            List<YamlNode> suites = e.getValue().itemsOrOne();
            for (YamlNode s : suites) {
                if (!CipherSuites.known(s.text())) {
                    throw s.error(s.path() + ": unknown OpenSSL cipher suite '" + s.text()
                            + "'; expected a name such as AES256-SHA or DHE-RSA-AES256-SHA");
                }
            }
            sides.put(e.getKey(), suites.stream().map(YamlNode::text).toList());
        }
        return new ProductSettings(m.containsKey("name") ? m.get("name").text() : "product", sides);
    }

    private Expectation rule(YamlNode node, CellSettings.Context ctx, String file) {
        Map<String, YamlNode> m = node.entries(RULE);
        Outcome outcome = node.need(m, "outcome").oneOf(outcomes());
        Integer alert = null;
        if (m.containsKey("alert")) {
            YamlNode a = m.get("alert");
            if (a.text().equals("none")) {
                alert = -1;
            } else {
                alert = TlsAlerts.code(a.text());
                if (alert < 0) {
                    throw a.error(a.path() + ": expected an alert name or number (40, handshake_failure, ...) or none, found '"
                            + a.text() + "'");
                }
            }
        }
        String stopped = null;
        if (m.containsKey("stopped_after")) {
            stopped = m.get("stopped_after").text();
            if (!MESSAGES.contains(stopped)) {
                throw m.get("stopped_after").error(m.get("stopped_after").path() + ": expected one of "
                        + String.join(", ", sorted(MESSAGES))
                        + ", found '" + stopped + "'");
            }
        }
        Side failed = m.containsKey("failed_side")
                ? m.get("failed_side").oneOf(Map.of("sender", Side.SENDER, "receiver", Side.RECEIVER)) : null;
        String check = m.containsKey("check") ? check(m.get("check"), failed, node) : null;
        When when = m.containsKey("when") ? when(m.get("when"), ctx) : When.ALWAYS;
        return new Expectation(
                when,
                outcome,
                failed,
                alert,
                stopped,
                check,
                check == null ? Map.of() : checkLines(check, failed),
                text(m, "sender_error"),
                text(m, "receiver_error"),
                m.containsKey("cipher") ? cipher(m.get("cipher")) : null,
                m.containsKey("protocol") ? CellSettings.checkProtocol(m.get("protocol"), ctx) : null,
                m.containsKey("dh_bits") ? m.get("dh_bits").integer(1, 100_000) : null,
                text(m, "why"),
                file,
                node.line());
    }

    /** A check id some profile names (min_bits, g_above_1, p_even, no_shared_cipher, ...), for a given side. */
    private String check(YamlNode n, Side failed, YamlNode rule) {
        if (failed == null) {
            throw n.error(n.path() + ": expected failed_side (sender or receiver) next to check, to say whose check it is");
        }
        Set<String> known = new java.util.TreeSet<>();
        profiles.all().forEach(p -> known.addAll(StackChecks.of(p, failed).keySet()));
        if (!known.contains(n.text())) {
            throw n.error("unknown check '" + n.text() + "' in " + n.path() + "; expected one of the " + failed.label()
                    + " checks the profiles name: " + String.join(", ", known));
        }
        return n.text();
    }

    /** For each profile that has {@code check} on that side: the lines it prints when the check fires. */
    private Map<String, List<String>> checkLines(String check, Side side) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (io.handshakematrix.profile.StackProfile p : profiles.all()) {
            List<String> lines = StackChecks.of(p, side).get(check);
            if (lines != null) {
                out.put(p.id(), lines);
            }
        }
        return out;
    }

    /** The axes a {@code when:} may name: sender, receiver and every axis of {@link CellSettings}. */
    private static final Set<String> WHEN = whenKeys();

    private static Set<String> axesKeys() {
        Set<String> s = new java.util.HashSet<>(Set.of("senders", "receivers", "config"));
        CellSettings.AXES.forEach(a -> s.add(a.axesKey()));
        return Set.copyOf(s);
    }

    private static Set<String> whenKeys() {
        Set<String> s = new java.util.HashSet<>(Set.of("sender", "receiver"));
        CellSettings.AXES.forEach(a -> s.add(a.name()));
        return Set.copyOf(s);
    }

    private When when(YamlNode node, CellSettings.Context ctx) {
        Map<String, List<Glob>> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.entries(WHEN).entrySet()) {
            List<Glob> globs = new ArrayList<>();
            for (YamlNode v : e.getValue().itemsOrOne()) {
                Glob g = Glob.of(v.text());
                if (!g.isWildcard()) {
                    switch (e.getKey()) {
                        case "sender", "receiver" -> stack(v);
                        default -> CellSettings.axis(e.getKey()).orElseThrow().check().check(v, ctx);
                    }
                }
                globs.add(g);
            }
            out.put(e.getKey(), List.copyOf(globs));
        }
        return new When(out);
    }

    private void stack(YamlNode n) {
        StackRef ref = StackRef.parse(n.text());
        if (profiles.find(ref.profileId()).isEmpty()) {
            throw n.error("unknown stack '" + ref.profileId() + "' in " + n.path() + "; expected one of "
                    + String.join(", ", profiles.ids()) + " (or add profiles/" + ref.profileId() + ".yaml)");
        }
        if (!engines.contains(ref.engine())) {
            throw n.error("unknown engine '" + ref.engine() + "' in " + n.path() + "; expected one of "
                    + String.join(", ", engines.stream().sorted().toList()) + " after '@'");
        }
    }

    private static String cipher(YamlNode n) {
        if (!CipherSuites.known(n.text())) {
            throw n.error("unknown cipher suite '" + n.text() + "' in " + n.path() + "; expected an OpenSSL name such as AES256-SHA");
        }
        return n.text();
    }

    private static List<String> names(YamlNode list, Consumer<YamlNode> validate) {
        return values(list, n -> {
            validate.accept(n);
            return n.text();
        });
    }

    /** {@code value}: checks one value and gives it as cells carry it. */
    private static List<String> values(YamlNode list, java.util.function.Function<YamlNode, String> value) {
        List<YamlNode> items = list.itemsOrOne();
        List<String> out = new ArrayList<>();
        for (YamlNode n : items) {
            String v = value.apply(n);
            if (out.contains(v)) {
                throw n.error(list.path() + ": '" + n.text() + "' is listed twice");
            }
            out.add(v);
        }
        AxisValueChecks.distinct(list, items, AxisValueChecks::stackKey);
        return List.copyOf(out);
    }


    private static String text(Map<String, YamlNode> m, String key) {
        return m.containsKey(key) ? m.get(key).text() : null;
    }

    private static Map<String, Outcome> outcomes() {
        Map<String, Outcome> m = new LinkedHashMap<>();
        // a run cut short is no outcome a matrix can expect
        Arrays.stream(Outcome.values()).filter(o -> o != Outcome.NOT_RUN).forEach(o -> m.put(o.label(), o));
        return m;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
