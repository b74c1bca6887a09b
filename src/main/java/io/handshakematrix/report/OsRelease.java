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
