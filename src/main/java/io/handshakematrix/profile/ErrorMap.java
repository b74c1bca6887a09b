package io.handshakematrix.profile;

import io.handshakematrix.model.OpensslErrorLine;
import io.handshakematrix.model.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One stack's error lines read as the profile rules that print them (after BoGo's per-shim ErrorMap, which maps
 * canonical errors to each stack's own strings). The data is the stack's profile: each client check, server rule
 * and log entry lists the exact lines the stack prints when it fires, as measured against the real stack. An
 * emulated side names its rule itself; a real stack (container, jvm) only prints lines, and this is the one place
 * where they are read back into a rule id, so every consumer of "why did it fail" reads a rule and its side.
 * <p>
 * Lines are compared whole, or by their OpenSSL reason field ("dh key too small"), because a real build's error
 * code and file:line may differ from the profile's. A rule is named only when exactly one rule prints all of its
 * lines among the side's: OpenSSL 1.1.1 prints "bad dh value" for both its Ys and its g check, and a guess would
 * be a fact the stack never stated.
 */
public final class ErrorMap {
    /** Where in the profile a rule is stated: a client DH check, a server DH rule, or a log entry. */
    public enum Source { CHECK, SERVER_RULE, LOG }

    /** What one rule of the stack prints, on the side where it fires. */
    public record Entry(Side side, Source source, String rule, List<String> lines) {
    }

    private final List<Entry> entries;

    private ErrorMap(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The map of the stack this profile describes. */
    public static ErrorMap of(StackProfile p) {
        List<Entry> e = new ArrayList<>();
        for (DhCheck c : p.client().checks()) {
            add(e, Side.SENDER, Source.CHECK, c.kind().yamlName(), c.errorLines());
        }
        logRules(e, Side.SENDER, p.client().log());
        for (ServerDhRule r : p.server().unusableDh()) {
            add(e, Side.RECEIVER, Source.SERVER_RULE, r.when().yamlName(), r.errorLines());
        }
        for (ServerCertificateRule r : p.server().unusableCertificate()) {
            add(e, Side.RECEIVER, Source.SERVER_RULE, ServerCertificateRule.NAME, r.errorLines());
        }
        logRules(e, Side.RECEIVER, p.server().log());
        return new ErrorMap(e);
    }

    /** The rules a side gives up on without a DH check (the emulated engine's ids for them are the same). */
    private static void logRules(List<Entry> e, Side side, io.handshakematrix.profile.LogLines log) {
        if (log == null) {
            return;
        }
        add(e, side, Source.LOG, "no_shared_cipher", log.noSharedCipher());
        add(e, side, Source.LOG, "no_enabled_cipher", log.noEnabledCipher());
        add(e, side, Source.LOG, "protocol_mismatch", log.protocolMismatch());
    }

    private static void add(List<Entry> e, Side side, Source source, String rule, List<String> lines) {
        if (lines != null && !lines.isEmpty()) {
            e.add(new Entry(side, source, rule, List.copyOf(lines)));
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The one rule of {@code side} that prints all its lines among {@code printed}; empty if none or several. */
    public Optional<String> rule(Side side, List<String> printed) {
        List<String> rules = entries.stream()
                .filter(e -> e.side() == side && e.lines().stream().allMatch(l -> printed.stream().anyMatch(p -> same(p, l))))
                .map(Entry::rule).distinct().toList();
        return rules.size() == 1 ? Optional.of(rules.get(0)) : Optional.empty();
    }

    /** The same error: the same line, or the same OpenSSL reason field (a real build's code and file:line vary). */
    public static boolean same(String printed, String known) {
        return printed.equals(known) || OpensslErrorLine.reason(printed).equals(OpensslErrorLine.reason(known));
    }
}
