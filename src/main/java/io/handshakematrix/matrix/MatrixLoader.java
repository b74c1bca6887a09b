package io.handshakematrix.matrix;

import io.handshakematrix.dh.DhGroupCatalog;
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
    private static final Set<String> AXES = Set.of("senders", "receivers", "receive_side", "dh", "protocols",
            "sender_min_dh_bits", "config");
    private static final Set<String> RULE = Set.of("when", "outcome", "failed_side", "alert", "stopped_after",
            "sender_error", "receiver_error", "cipher", "protocol", "dh_bits", "why");
    private static final Set<String> DISABLED = Set.of("when", "reason");
    private static final Set<String> PROTOCOLS = Set.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2");
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

    public Matrix load(Path file) {
        includeResolver = new IncludeResolver(file, allowOutside);
        Matrix m = load(file, new ArrayList<>());
        AxisValueChecks.totalCells(m, file.toString());
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
        List<String> sides = crossed ? names(axesNode.need(axes, "receive_side"), n -> side(n, product)) : List.of();
        List<String> dh = crossed ? names(axesNode.need(axes, "dh"), n -> dhGroup(n, base)) : List.of();
        List<String> protocols = axes.containsKey("protocols")
                ? names(axes.get("protocols"), this::protocol) : List.of("TLSv1.2");
        List<Integer> minBits = axes.containsKey("sender_min_dh_bits")
                ? axes.get("sender_min_dh_bits").itemsOrOne().stream().map(n -> n.integer(0, 100_000)).toList()
                : List.of(0);
        if (axes.containsKey("sender_min_dh_bits")) {
            AxisValueChecks.distinctNumbers(axes.get("sender_min_dh_bits"));
        }
        AxisValueChecks.cellCount(axesNode, configured.size(), senders.size(), receivers.size(), protocols.size(),
                minBits.size(), sides.size(), dh.size());

        List<Expectation> expect = new ArrayList<>();
        if (top.containsKey("expect")) {
            for (YamlNode r : top.get("expect").items()) {
                expect.add(rule(r, product, base));
            }
        }
        List<Matrix.Disabled> disabled = new ArrayList<>();
        if (top.containsKey("disabled")) {
            for (YamlNode d : top.get("disabled").items()) {
                Map<String, YamlNode> m = d.entries(DISABLED);
                Expectation match = new Expectation(when(d.need(m, "when"), product, base), Outcome.SKIPPED,
                        null, null, null, null, null, null, null, null, null, d.line());
                disabled.add(new Matrix.Disabled(match, d.need(m, "reason").text()));
            }
        }
        List<Matrix> includes = top.containsKey("include")
                ? includes(top.get("include"), file, product, including) : List.of();
        return new Matrix(file.toString(), product, senders, receivers, sides, dh, protocols, minBits,
                List.copyOf(expect), List.copyOf(disabled), configured, includes);
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

    private ProductSettings product(YamlNode node) {
        Map<String, YamlNode> m = node.entries(PRODUCT);
        Map<String, List<String>> sides = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.need(m, "receive_side").entries().entrySet()) {
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

    private Expectation rule(YamlNode node, ProductSettings product, Path base) {
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
        return new Expectation(
                m.containsKey("when") ? when(m.get("when"), product, base) : Map.of(),
                outcome,
                m.containsKey("failed_side") ? m.get("failed_side").oneOf(Map.of("sender", Side.SENDER, "receiver", Side.RECEIVER)) : null,
                alert,
                stopped,
                text(m, "sender_error"),
                text(m, "receiver_error"),
                m.containsKey("cipher") ? cipher(m.get("cipher")) : null,
                m.containsKey("protocol") ? protocol(m.get("protocol")) : null,
                m.containsKey("dh_bits") ? m.get("dh_bits").integer(1, 100_000) : null,
                text(m, "why"),
                node.line());
    }

    private Map<String, List<Glob>> when(YamlNode node, ProductSettings product, Path base) {
        Map<String, List<Glob>> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.entries(Set.copyOf(Expectation.AXES)).entrySet()) {
            List<Glob> globs = new ArrayList<>();
            for (YamlNode v : e.getValue().itemsOrOne()) {
                Glob g = Glob.of(v.text());
                if (!g.isWildcard()) {
                    switch (e.getKey()) {
                        case "sender", "receiver" -> stack(v);
                        case "receive_side" -> side(v, product);
                        case "dh" -> dhGroup(v, base);
                        case "protocol" -> protocol(v);
                        case "sender_min_dh_bits" -> v.integer(0, 100_000);
                        default -> { }
                    }
                }
                globs.add(g);
            }
            out.put(e.getKey(), List.copyOf(globs));
        }
        return out;
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

    private void side(YamlNode n, ProductSettings product) {
        if (!product.receiveSideSuites().containsKey(n.text())) {
            throw n.error("unknown RECEIVE_SIDE '" + n.text() + "' in " + n.path() + "; expected one of "
                    + String.join(", ", product.receiveSideSuites().keySet()) + " (product.receive_side)");
        }
    }

    private void dhGroup(YamlNode n, Path base) {
        String spec = n.text();
        if (spec.equals("default")) {
            return;
        }
        if (!groups.isNamed(spec) && !DhGroupCatalog.isFileSpec(spec)) {
            throw n.error("unknown DH group '" + spec + "' in " + n.path() + "; expected one of "
                    + String.join(", ", groups.names()) + ", default, or a PEM file path");
        }
        if (DhGroupCatalog.isFileSpec(spec)) {
            try {
                groups.resolve(spec, base);
            } catch (io.handshakematrix.yaml.InputError e) {
                throw n.error(n.path() + ": " + e.oneLine());
            }
        }
    }

    private String protocol(YamlNode n) {
        if (!PROTOCOLS.contains(n.text())) {
            throw n.error("unknown protocol '" + n.text() + "' in " + n.path() + "; expected one of "
                    + String.join(", ", sorted(PROTOCOLS)));
        }
        return n.text();
    }

    private static String cipher(YamlNode n) {
        if (!CipherSuites.known(n.text())) {
            throw n.error("unknown cipher suite '" + n.text() + "' in " + n.path() + "; expected an OpenSSL name such as AES256-SHA");
        }
        return n.text();
    }

    private static List<String> names(YamlNode list, Consumer<YamlNode> validate) {
        List<YamlNode> items = list.itemsOrOne();
        List<String> out = new ArrayList<>();
        for (YamlNode n : items) {
            validate.accept(n);
            out.add(n.text());
        }
        AxisValueChecks.distinct(list, items, AxisValueChecks::stackKey);
        return out;
    }


    private static String text(Map<String, YamlNode> m, String key) {
        return m.containsKey(key) ? m.get(key).text() : null;
    }

    private static Map<String, Outcome> outcomes() {
        Map<String, Outcome> m = new LinkedHashMap<>();
        Arrays.stream(Outcome.values()).forEach(o -> m.put(o.label(), o));
        return m;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
