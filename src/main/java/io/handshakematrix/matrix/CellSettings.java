package io.handshakematrix.matrix;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.model.CertificateType;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.profile.CryptoPolicies;
import io.handshakematrix.profile.PolicyCompiler;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.YamlNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every axis a matrix may declare besides sender and receiver, and the one place where each is given its meaning:
 * its name (in a cell and in {@code when:}), its key under {@code axes:}, its value when a matrix leaves it out
 * (null: required), how the loader checks a value, and what it sets in a cell's {@link Resolved} settings (which the
 * runner hands to the engines: the matrix never sees an engine). Adding an axis is one entry here plus the matrix
 * file that declares it.
 */
public final class CellSettings {
    private CellSettings() {}

    /** What a value is checked against when a matrix is loaded: the product, the DH groups, the matrix's folder. */
    record Context(ProductSettings product, DhGroupCatalog groups, Path base, CryptoPolicies policies) {}

    interface ValueCheck {
        /** The value as cells carry it; throws {@link InputError} (file:line) when no engine could apply it. */
        String check(YamlNode value, Context ctx);
    }

    interface Apply {
        void apply(String value, Specs s);
    }

    /** One axis. */
    record Axis(String name, String axesKey, String whenAbsent, ValueCheck check, Apply apply) {}

    /** {@code default}: no cap, what the two stacks negotiate by default (TLS 1.3 between two RHEL 8+ hosts). */
    private static final Set<String> PROTOCOLS = Set.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "default");

    /** The receiver's certificate type (rsa; ecdsa when an engine serves it). */
    public static final String CERTIFICATE = "certificate";

    /** The receiver's suite list: {@code product} (the product settings') or {@code default} (the stack's own). */
    public static final String RECEIVER_SUITES = "receiver_suites";

    /** Each side's system-wide crypto policy (update-crypto-policies --set): DEFAULT, LEGACY, DEFAULT:SHA1, ... */
    public static final String SENDER_POLICY = "sender_policy";
    public static final String RECEIVER_POLICY = "receiver_policy";

    /** In cell-key order. The crossing nests them in this order too, DH groups innermost (the KB's columns). */
    static final List<Axis> AXES = List.of(
            // [RSAKEY] RECEIVE_SIDE of the receiving product: the suites its receiver enables (product.receive_side).
            new Axis(Cell.RECEIVE_SIDE, "receive_side", null, CellSettings::checkSide,
                    (v, s) -> s.suites = s.product.receiveSideSuites().get(v)),
            // The receiver's DH group: a shipped group, a PEM file, or 'default' (the receiver stack's own).
            new Axis(Cell.DH, "dh", null, CellSettings::checkDhGroup,
                    (v, s) -> s.group = s.groups.resolve(dhGroupName(v, s.receiver), s.baseDir)),
            // The highest protocol the sender offers.
            new Axis(Cell.PROTOCOL, "protocols", "TLSv1.2", CellSettings::checkProtocol, (v, s) -> s.maxProtocol = v),
            // MinimumDHBits in the sender's /etc/pki/tls/legacy-settings; 0 = not set.
            new Axis(Cell.SENDER_MIN_DH_BITS, "sender_min_dh_bits", "0", (v, ctx) -> Integer.toString(v.integer(0, 100_000)),
                    (v, s) -> s.minDhBits = Integer.parseInt(v)),
            // The receiver's certificate type: rsa (RSA-2048, every engine) or ecdsa-p256 (the emulated engine;
            // the others skip such a cell with the reason: the engines' ReceiverSpec.requireRsaCertificate).
            new Axis(CERTIFICATE, "certificate", Cell.NEUTRAL.get(CERTIFICATE), CellSettings::checkCertificate,
                    (v, s) -> s.certificate = CertificateType.byLabel(v)),
            // Which suites the receiver enables: the product's settings (RECEIVE_SIDE decides), or the stack's own
            // DEFAULT list in its order, as a stock s_server serves it (what a real peer meets outside the product).
            new Axis(RECEIVER_SUITES, "receiver_suites", Cell.NEUTRAL.get(RECEIVER_SUITES), CellSettings::checkReceiverSuites,
                    (v, s) -> {
                        if (v.equals("default")) {
                            s.suites = CipherSuites.STACK_DEFAULT;
                        }
                    }),
            // The crypto policy each host runs under; DEFAULT (neutral) is what a stack without policies has too.
            // Applied last (specs): the policy compiles into the side's profile (PolicyCompiler).
            new Axis(SENDER_POLICY, "sender_policy", CryptoPolicies.NEUTRAL, CellSettings::checkPolicy,
                    (v, s) -> s.senderPolicy = v),
            new Axis(RECEIVER_POLICY, "receiver_policy", CryptoPolicies.NEUTRAL, CellSettings::checkPolicy,
                    (v, s) -> s.receiverPolicy = v));

    /**
     * Whether a cell carries {@code axis} at {@code value}: an axis beyond the four every matrix has is left out
     * at its neutral value, so declaring it (certificate: [rsa]) changes no cell's key or name.
     */
    static boolean carried(Axis axis, String value) {
        return Cell.STANDARD_AXES.contains(axis.name()) || !value.equals(axis.whenAbsent());
    }

    static Optional<Axis> axis(String name) {
        return AXES.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /**
     * A cell's settings, every axis applied: the suites the receiver enables ({@link CipherSuites#STACK_DEFAULT}
     * for the stack's own list), its DH group, its certificate, the highest protocol the sender offers and the
     * sender's MinimumDHBits (0: not set).
     */
    public record Resolved(List<String> receiverSuites, DhGroup dhGroup, CertificateType certificate,
                           String maxProtocol, int minDhBits, String senderPolicy, String receiverPolicy) {}

    /** What the axes set, on their way to the specs. */
    static final class Specs {
        final StackProfile receiver;
        final ProductSettings product;
        final DhGroupCatalog groups;
        final Path baseDir;
        List<String> suites;
        DhGroup group;
        String maxProtocol;
        int minDhBits;
        CertificateType certificate = CertificateType.RSA;
        String senderPolicy = CryptoPolicies.NEUTRAL;
        String receiverPolicy = CryptoPolicies.NEUTRAL;

        private Specs(StackProfile receiver, ProductSettings product, DhGroupCatalog groups, Path baseDir) {
            this.receiver = receiver;
            this.product = product;
            this.groups = groups;
            this.baseDir = baseDir;
        }
    }

    /**
     * The settings of {@code cell}: every axis applied, an axis the cell does not carry at its {@code whenAbsent}
     * value. DH group files resolve against {@code baseDir}.
     */
    public static Resolved resolve(Cell cell, StackProfile receiver, ProductSettings product, DhGroupCatalog groups,
                                   Path baseDir) {
        Specs s = new Specs(receiver, product, groups, baseDir);
        for (Axis a : AXES) {
            String v = cell.settings().getOrDefault(a.name(), a.whenAbsent());
            if (v == null) {
                throw new IllegalArgumentException(cell.displayName() + " has no " + a.name() + " (a required axis)");
            }
            a.apply().apply(v, s);
        }
        return new Resolved(s.suites, s.group, s.certificate, s.maxProtocol, s.minDhBits, s.senderPolicy,
                s.receiverPolicy);
    }

    /**
     * A stack with policies runs under one always (DEFAULT when the cell names none); a stack without them only
     * at the neutral value (the matrix loader and the commands refuse any other with file:line or the option).
     */
    public static StackProfile underPolicy(StackProfile p, String setting, CryptoPolicies policies) {
        if (!p.hasPolicies()) {
            if (!setting.equals(CryptoPolicies.NEUTRAL)) {
                throw new IllegalArgumentException(p.id() + " has no crypto policies; it cannot run under " + setting);
            }
            return p;
        }
        CryptoPolicies.Resolved r = policies.resolve(p.policyRelease(), setting);
        return PolicyCompiler.compile(p, r.policy().orElseThrow(() -> new IllegalArgumentException(p.id() + ": " + r.why())));
    }

    /** The DH group a receiver serves for {@code dh}: {@code default} is the receiver stack's own (profile data). */
    public static String dhGroupName(String dh, StackProfile receiver) {
        return dh.equals("default") ? receiver.server().defaultDhGroup() : dh;
    }

    private static String checkSide(YamlNode n, Context ctx) {
        if (!ctx.product().receiveSideSuites().containsKey(n.text())) {
            throw n.error("unknown RECEIVE_SIDE '" + n.text() + "' in " + n.path() + "; expected one of "
                    + String.join(", ", ctx.product().receiveSideSuites().keySet()) + " (product.receive_side)");
        }
        return n.text();
    }

    private static String checkDhGroup(YamlNode n, Context ctx) {
        String spec = n.text();
        if (spec.equals("default")) {
            return spec;
        }
        if (!ctx.groups().isNamed(spec) && !DhGroupCatalog.isFileSpec(spec)) {
            throw n.error("unknown DH group '" + spec + "' in " + n.path() + "; expected one of "
                    + String.join(", ", ctx.groups().names()) + ", default, or a PEM file path");
        }
        if (DhGroupCatalog.isFileSpec(spec)) {
            try {
                ctx.groups().resolve(spec, ctx.base());
            } catch (InputError e) {
                throw n.error(n.path() + ": " + e.oneLine());
            }
        }
        return spec;
    }

    private static String checkCertificate(YamlNode n, Context ctx) {
        for (CertificateType t : CertificateType.values()) {
            if (t.label().equals(n.text())) {
                return n.text();
            }
        }
        throw n.error(n.path() + ": unknown certificate '" + n.text() + "'; expected one of "
                + String.join(", ", java.util.Arrays.stream(CertificateType.values()).map(CertificateType::label).toList()));
    }

    private static String checkReceiverSuites(YamlNode n, Context ctx) {
        if (!n.text().equals("product") && !n.text().equals("default")) {
            throw n.error(n.path() + ": unknown receiver suite list '" + n.text() + "'; expected product (the product "
                    + "settings' suites) or default (the stack's own DEFAULT list)");
        }
        return n.text();
    }

    /** A policy setting some release has (which stack runs it is checked once the cells are crossed). */
    private static String checkPolicy(YamlNode n, Context ctx) {
        ctx.policies().unknownEverywhere(n.text()).ifPresent(why -> {
            throw n.error(n.path() + ": " + why);
        });
        return n.text();
    }

    static String checkProtocol(YamlNode n, Context ctx) {
        if (!PROTOCOLS.contains(n.text())) {
            throw n.error("unknown protocol '" + n.text() + "' in " + n.path() + "; expected one of "
                    + String.join(", ", PROTOCOLS.stream().sorted().toList()));
        }
        return n.text();
    }
}
