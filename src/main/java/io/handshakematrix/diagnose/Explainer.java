package io.handshakematrix.diagnose;

import io.handshakematrix.matrix.CellSettings;
import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellAxes;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.model.TlsAlerts;
import io.handshakematrix.profile.CheckStage;
import io.handshakematrix.profile.DhCheck;
import io.handshakematrix.profile.ErrorMap;
import io.handshakematrix.profile.ServerDhRule;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.runner.CellRunner;
import java.math.BigInteger;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.profile.ProfileCatalog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names the profile rule behind a failed handshake by matching the failing side's error lines against the
 * lines its profile's rules print (so it works for any engine that prints the stack's own lines), and says
 * in words what the rule demands and what the receiver actually served.
 */
public final class Explainer {
    private final ProfileCatalog profiles;
    private final DhGroupCatalog groups;
    private final Map<String, List<String>> receiveSideSuites;
    private final Path baseDir;

    public Explainer(CellRunner runner) {
        this(runner.profiles(), runner.groups(), runner.product().receiveSideSuites(), runner.baseDir());
    }

    /** Without a runner (explain reads results and starts no handshake); {@code baseDir}: where PEM paths are relative to. */
    public Explainer(ProfileCatalog profiles, DhGroupCatalog groups, Map<String, List<String>> receiveSideSuites,
                     Path baseDir) {
        this.profiles = profiles;
        this.groups = groups;
        this.receiveSideSuites = receiveSideSuites;
        this.baseDir = baseDir;
    }

    public Explanation explain(Cell cell, HandshakeResult r) {
        if (r.outcome() == Outcome.OK) {
            return new Explanation(null, null, null, "the handshake succeeded", null, null, null);
        }
        if (r.outcome() != Outcome.FAIL) {
            return new Explanation(null, null, null, "no stack refused: " + r.summary()
                    + " (a harness or environment problem, not a verdict)", null, null, null);
        }
        return r.failedSide() == Side.SENDER ? sender(cell, r) : receiver(cell, r);
    }

    private Explanation sender(Cell cell, HandshakeResult r) {
        StackProfile p = underPolicy(cell, CellAxes.sender(cell), CellSettings.SENDER_POLICY);
        DhGroup g = group(cell);
        Optional<DhCheck> check = firedCheck(p, r);
        String who = "the sender " + CellAxes.sender(cell) + " (" + p.description() + ")";
        if (check.isEmpty()) {
            return new Explanation(Side.SENDER, CellAxes.sender(cell), null, who + " gave up: " + first(r.senderErrors())
                    + "; no DH rule of its profile prints that line", null, p.source(), p.origin());
        }
        DhCheck c = check.get();
        int minBits = p.client().effectiveMinBits(CellAxes.senderMinDhBits(cell));
        String sentence = who + " refused the receiver's DH group " + describe(g) + " " + stage(c.stage())
                + ": rule " + c.kind().yamlName() + " " + demand(c, minBits, p) + "; it " + alert(c.alert()) + ".";
        return new Explanation(Side.SENDER, CellAxes.sender(cell), c.kind().yamlName(), sentence, c.source(), p.source(),
                p.origin());
    }

    private Explanation receiver(Cell cell, HandshakeResult r) {
        StackProfile p = underPolicy(cell, CellAxes.receiver(cell), CellSettings.RECEIVER_POLICY);
        DhGroup g = group(cell);
        String who = "the receiver " + CellAxes.receiver(cell) + " (" + p.description() + ")";
        Optional<io.handshakematrix.profile.ServerCertificateRule> certificate = p.server().unusableCertificate().stream()
                .findFirst();
        if (certificate.isPresent() && io.handshakematrix.profile.ServerCertificateRule.NAME.equals(rule(p, Side.RECEIVER, r))) {
            // its own certificate, not the DH group: the group was loaded, or never loaded (no DHE suite enabled)
            io.handshakematrix.profile.ServerCertificateRule x = certificate.get();
            String sentence = who + " cannot use its own RSA certificate (2048 bits, as every receiver here): rule "
                    + io.handshakematrix.profile.ServerCertificateRule.NAME + " " + x.bits()
                    + " -> refuse_to_load, so it refuses it at start and answers no client; it printed: "
                    + first(r.receiverErrors());
            return new Explanation(Side.RECEIVER, CellAxes.receiver(cell), io.handshakematrix.profile.ServerCertificateRule.NAME,
                    sentence, x.source(), p.source(), p.origin());
        }
        Optional<ServerDhRule> rule = p.server().unusableDh().stream().filter(x -> x.appliesTo(g.p(), g.g())).findFirst();
        if (rule.isPresent()) {
            ServerDhRule x = rule.get();
            String what = switch (x.action()) {
                case DROP_DHE -> "offers no DHE suite at all";
                case CLOSE_NO_ALERT -> "fails building its ServerKeyExchange and closes without an alert";
                case SEND_ALERT -> "fails building its ServerKeyExchange and sends alert "
                        + TlsAlerts.name(x.alert()) + " (" + x.alert() + ")";
                case REFUSE_TO_LOAD -> "refuses to load it at start and answers no client";
                case USE_NAMED_GROUP -> "serves the FIPS-approved named group of the same size instead";
            };
            String sentence = who + " cannot use its own DH group " + describe(g) + ": rule " + x.when().yamlName()
                    + (x.bits() > 0 ? " " + x.bits() : "") + " -> " + x.action().yamlName() + ", so it " + what
                    + "; it printed: " + first(r.receiverErrors());
            return new Explanation(Side.RECEIVER, CellAxes.receiver(cell), x.when().yamlName(), sentence, x.source(),
                    p.source(), p.origin());
        }
        if (NO_SHARED_CIPHER.equals(rule(p, Side.RECEIVER, r))) {
            List<String> enabled = receiveSideSuites.getOrDefault(CellAxes.receiveSide(cell), List.of());
            // explain reads results only and knows no product suites; a receiver setup beyond the product's
            // (an ECDSA certificate, ...) is named, since it, not RECEIVE_SIDE, is what leaves no suite
            String variant = CellAxes.variant(cell);
            return new Explanation(Side.RECEIVER, CellAxes.receiver(cell), "no_shared_cipher", who
                    + " found no cipher suite in common" + (variant.isEmpty() ? "" : " with " + variant) + ": RECEIVE_SIDE="
                    + CellAxes.receiveSide(cell) + (enabled.isEmpty() ? "" : " enables " + String.join(", ", enabled)
                    + " and the sender offers none of them"), null, p.source(), p.origin());
        }
        return new Explanation(Side.RECEIVER, CellAxes.receiver(cell), null, who + " gave up: " + first(r.receiverErrors()),
                null, p.source(), p.origin());
    }

    private static final String NO_SHARED_CIPHER = "no_shared_cipher";

    /**
     * The rule that made {@code side} give up: the id its side reported, else the one its stack's error lines name in
     * its profile's {@link ErrorMap} (a results.json from before sides reported rules); null when neither names one.
     */
    private static String rule(StackProfile p, Side side, HandshakeResult r) {
        String reported = (side == Side.SENDER ? r.senderTrace() : r.receiverTrace()).rule();
        return reported != null ? reported
                : ErrorMap.of(p).rule(side, side == Side.SENDER ? r.senderErrors() : r.receiverErrors()).orElse(null);
    }

    /**
     * The sender's DH check that fired, by its rule id; where no rule is named (lines several checks print), the
     * first check in the profile's order whose first line the sender printed.
     */
    private static Optional<DhCheck> firedCheck(StackProfile p, HandshakeResult r) {
        String rule = rule(p, Side.SENDER, r);
        if (rule != null) {
            return p.client().checks().stream().filter(c -> c.kind().yamlName().equals(rule)).findFirst();
        }
        return p.client().checks().stream()
                .filter(c -> !c.errorLines().isEmpty() && r.senderErrors().contains(c.errorLines().get(0)))
                .findFirst();
    }

    /** What a check demands, in words; the minimum names where it comes from. */
    private static String demand(DhCheck c, int minBits, StackProfile p) {
        return switch (c.kind()) {
            case YS_NONZERO -> "requires the server's public value Ys to be non-zero";
            case P_ODD -> "requires an odd p";
            case G_ABOVE_1 -> "requires g > 1";
            case G_BELOW_P_MINUS_1 -> "requires g < p-1";
            case G_IN_RANGE -> "requires 1 < g < p-1";
            case MIN_BITS -> "requires p of at least " + (c.bits() != null ? Math.max(c.bits(), minBits) : minBits)
                    + " bits (" + p.client().dhMinBitsSource() + ")";
            case MIN_MODULUS_BITS -> "requires p of at least " + c.bits() + " bits before any other DH check";
            case MAX_BITS -> "requires p of at most " + c.bits() + " bits";
            case YS_IN_RANGE -> "requires 1 < Ys < p-1 for the server's public value";
            case NAMED_GROUP -> "requires a FIPS-approved named group (RFC 3526 / RFC 7919), not a generated one";
            case SHA1_SIGNATURE -> "refuses a ServerKeyExchange signed with SHA-1 (its crypto policy)";
        };
    }

    private static String stage(CheckStage s) {
        return switch (s) {
            case SERVER_KEY_EXCHANGE -> "while parsing the ServerKeyExchange";
            case AFTER_SERVER_KEY_EXCHANGE -> "right after the ServerKeyExchange";
            case CLIENT_KEY_EXCHANGE -> "when computing the key for its ClientKeyExchange";
        };
    }

    private static String alert(Integer code) {
        return code == null ? "closed the connection without an alert"
                : "sent alert " + TlsAlerts.name(code) + " (" + code + ")";
    }

    /** "256-g1 (256 bits, g=1)" */
    static String describe(DhGroup g) {
        BigInteger pm1 = g.p().subtract(BigInteger.ONE);
        String gen = g.g().equals(pm1) ? "p-1" : g.g().bitLength() <= 16 ? g.g().toString() : "a large value";
        return g.name() + " (" + g.bits() + " bits, g=" + gen + ")";
    }

    private DhGroup group(Cell cell) {
        String dh = CellSettings.dhGroupName(CellAxes.dhGroup(cell), profile(CellAxes.receiver(cell)));
        return groups.resolve(dh, baseDir);
    }

    /** The stack as the cell ran it: under the cell's crypto policy for that side, if the stack has policies. */
    private StackProfile underPolicy(Cell cell, String stack, String policyAxis) {
        String setting = cell.settings().getOrDefault(policyAxis, io.handshakematrix.profile.CryptoPolicies.NEUTRAL);
        return CellSettings.underPolicy(profile(stack), setting, profiles.policies());
    }

    private StackProfile profile(String stack) {
        return profiles.get(StackRef.parse(stack).profileId());
    }

    private static String first(List<String> lines) {
        return lines.isEmpty() ? "(nothing)" : lines.get(0);
    }
}
