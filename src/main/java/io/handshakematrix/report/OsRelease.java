package io.handshakematrix.report;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operating-system release among a run's stacks, as the product's own KB names it ("RHEL 7.7", "RHEL 7.7
 * (FIPS mode)"): an emulated stack whose profile id is {@code rhel-VERSION} with an optional mode or system-wide
 * crypto policy. A profile added with that id (RHEL 8, 9, 10 and their policies) appears in the OS tables by
 * itself; harness-only stacks (a pre-Logjam build, real stacks {@code @engine}) do not.
 */
record OsRelease(String stack, String label, double version, String mode) {
    private static final Pattern ID = Pattern.compile("rhel-(\\d+(?:\\.\\d+)?)(?:-(fips|legacy|default|future|fips-policy))?");
    static final Comparator<OsRelease> ORDER = Comparator.comparingDouble(OsRelease::version)
            .thenComparing(OsRelease::mode);

    /** The axes beyond the four that are settings of the OS itself (its crypto policy), not of the harness. */
    private static final java.util.Set<String> OS_AXES = java.util.Set.of("sender_policy", "receiver_policy");

    /**
     * One side of a cell as an OS release under its crypto policy ("RHEL 9.4 (LEGACY policy)"); DEFAULT is
     * neutral and left out of the cell, so it names the release alone. Empty for a harness-only stack.
     */
    static Optional<OsRelease> of(io.handshakematrix.model.Cell c, boolean sender) {
        String policy = c.extras().get(sender ? "sender_policy" : "receiver_policy");
        Optional<OsRelease> r = of(sender ? c.sender() : c.receiver());
        if (policy == null || r.isEmpty()) {
            return r;
        }
        OsRelease o = r.get();
        return Optional.of(new OsRelease(o.stack(), o.label() + " (" + policy + " policy)", o.version(),
                o.mode() + "~" + policy));
    }

    /** Whether a cell is the product's own setup between two OS releases, under any crypto policy on either side. */
    static boolean osSetup(io.handshakematrix.model.Cell c) {
        return OS_AXES.containsAll(c.extras().keySet()) && c.senderMinDhBits() == 0 && of(c, true).isPresent()
                && of(c, false).isPresent();
    }

    /** Under the releases' DEFAULT crypto policies (what the main OS table shows). */
    static boolean defaultPolicies(io.handshakematrix.model.Cell c) {
        return c.extras().isEmpty();
    }

    static Optional<OsRelease> of(String stack) {
        Matcher m = ID.matcher(stack);
        if (!m.matches()) {
            return Optional.empty();
        }
        String mode = m.group(2) == null ? "" : m.group(2);
        String label = "RHEL " + m.group(1) + switch (mode) {
            case "" -> "";
            case "fips" -> " (FIPS mode)";
            default -> " (" + mode.toUpperCase(java.util.Locale.ROOT) + " crypto policy)";
        };
        return Optional.of(new OsRelease(stack, label, Double.parseDouble(m.group(1)), mode));
    }
}
