package io.handshakematrix.explain;

import io.handshakematrix.model.Side;
import io.handshakematrix.model.TlsAlerts;
import io.handshakematrix.profile.DhCheck;
import io.handshakematrix.profile.ServerDhRule;
import io.handshakematrix.profile.StackProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A support case's lines read against the stack profiles alone (no run needed): which profile rule printed a
 * refusal line and which alert that rule sends, which alert a side logged as received, and, from both lines
 * together, which library printed them. The system OpenSSL and a product's bundled copy print the same
 * "bad dh g value" but send different alerts on it (50 and 40), so the alert the peer logged tells them apart.
 */
public final class CaseReading {
    /** "SSL alert number 40" (OpenSSL 1.0.x/1.1.1) */
    private static final Pattern ALERT_NUMBER = Pattern.compile("(?i)alert number (\\d{1,3})");
    /** OpenSSL's reason for a received alert: "sslv3 alert handshake failure", "tlsv1 alert decode error". */
    private static final Pattern ALERT_REASON = Pattern.compile("(?i)(?:sslv3|tlsv1|tlsv13) alert ([a-z ]+)");

    /** A profile rule whose lines match a customer line: the stack, the side it fires on, the alert it sends. */
    public record Refusal(StackProfile stack, Side side, String rule, String meaning, Integer alert, String line) {
        public String alertText() {
            return alert == null ? "no alert" : "alert " + alert + " (" + TlsAlerts.name(alert) + ")";
        }
    }

    /** Which library the lines point at: the profiles whose rule sends the alert the peer logged, and those that do not. */
    public record LibraryMatch(int alert, List<Refusal> matching, List<Refusal> notMatching) {
        public String sentence() {
            Refusal m = matching.get(0);
            Refusal n = notMatching.get(0);
            return "Your logs match " + ids(matching) + " (" + m.stack().description() + "), not " + ids(notMatching)
                    + " (" + n.stack().description() + "): on '" + reason(m.line()) + "' " + m.stack().id()
                    + " sends " + m.alertText() + ", the alert the " + m.side().peer().label() + " logged; "
                    + n.stack().id() + " sends " + n.alertText() + ".";
        }

        private static String ids(List<Refusal> rs) {
            return String.join(", ", rs.stream().map(r -> r.stack().id()).distinct().toList());
        }
    }

    private final Collection<StackProfile> profiles;

    public CaseReading(Collection<StackProfile> profiles) {
        this.profiles = List.copyOf(profiles);
    }

    /** The profile rules (client checks and server DH rules) whose lines this customer line matches. */
    public List<Refusal> refusals(LogLine q) {
        List<Refusal> out = new ArrayList<>();
        for (StackProfile p : profiles) {
            for (DhCheck c : p.client().checks()) {
                if (c.errorLines().stream().anyMatch(q::matches)) {
                    out.add(new Refusal(p, Side.SENDER, c.kind().yamlName(), c.kind().meaning(), c.alert(),
                            q.text()));
                }
            }
            for (ServerDhRule r : p.server().unusableDh()) {
                if (r.errorLines() != null && r.errorLines().stream().anyMatch(q::matches)) {
                    out.add(new Refusal(p, Side.RECEIVER, r.when().yamlName(), "the server cannot use its DH group",
                            r.alert(), q.text()));
                }
            }
        }
        return out;
    }

    /** The alert a line says its side received, from "alert number N" or OpenSSL's alert reason; empty if none. */
    public static Optional<Integer> receivedAlert(LogLine q) {
        Matcher n = ALERT_NUMBER.matcher(q.text());
        if (n.find()) {
            return Optional.of(Integer.parseInt(n.group(1)));
        }
        Matcher r = ALERT_REASON.matcher(q.text());
        if (r.find()) {
            int code = TlsAlerts.code(r.group(1).strip().toLowerCase(Locale.ROOT).replace(' ', '_'));
            return code >= 0 ? Optional.of(code) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The profile rules on {@code side} that send {@code alert}: who may have refused when the peer logged it. */
    public List<Refusal> sendersOf(int alert, Side side) {
        List<Refusal> out = new ArrayList<>();
        for (StackProfile p : profiles) {
            if (side == Side.SENDER) {
                for (DhCheck c : p.client().checks()) {
                    if (c.alert() != null && c.alert() == alert && !c.errorLines().isEmpty()) {
                        out.add(new Refusal(p, side, c.kind().yamlName(), c.kind().meaning(), alert,
                                c.errorLines().get(0)));
                    }
                }
            } else {
                for (ServerDhRule r : p.server().unusableDh()) {
                    if (r.alert() != null && r.alert() == alert && r.errorLines() != null && !r.errorLines().isEmpty()) {
                        out.add(new Refusal(p, side, r.when().yamlName(), "the server cannot use its DH group", alert,
                                r.errorLines().get(0)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * From all lines of a case together: when one line is a profile rule's refusal and another logs the alert the
     * peer received, the profiles whose rule sends that alert match the case and those sending another do not.
     * Empty when the lines do not tell profiles apart.
     */
    public Optional<LibraryMatch> libraryMatch(List<LogLine> lines) {
        Set<Integer> alerts = new LinkedHashSet<>();
        lines.forEach(l -> receivedAlert(l).ifPresent(alerts::add));
        List<Refusal> refusals = lines.stream().flatMap(l -> refusals(l).stream()).toList();
        for (int alert : alerts) {
            List<Refusal> yes = refusals.stream().filter(r -> r.alert() != null && r.alert() == alert).toList();
            List<Refusal> no = refusals.stream().filter(r -> r.alert() == null || r.alert() != alert)
                    .filter(r -> yes.stream().noneMatch(y -> y.stack().id().equals(r.stack().id()))).toList();
            if (!yes.isEmpty() && !no.isEmpty()) {
                return Optional.of(new LibraryMatch(alert, yes, no));
            }
        }
        return Optional.empty();
    }

    /**
     * One sentence for a whole case: the refusal its lines show (in the library that matches them when they tell
     * libraries apart), else the refusal an alert points at; null when the lines show neither.
     */
    public String mostLikelyCause(List<LogLine> lines) {
        Refusal r = mostLikelyRefusal(lines).orElse(null);
        if (r != null) {
            return "Most likely cause: the " + r.side().label() + " (" + r.stack().id() + ") refused: "
                    + r.meaning() + " (rule " + r.rule() + ", '" + reason(r.line()) + "'), and sent "
                    + r.alertText() + ".";
        }
        for (LogLine l : lines) {
            Optional<Integer> a = receivedAlert(l);
            if (a.isPresent()) {
                return "Most likely cause: the peer refused and sent alert " + a.get() + " (" + TlsAlerts.name(a.get())
                        + "); its own log says why (ask for it).";
            }
        }
        return null;
    }

    /** The refusal the lines show, in the library that matches them when they tell libraries apart. */
    public Optional<Refusal> mostLikelyRefusal(List<LogLine> lines) {
        Optional<LibraryMatch> match = libraryMatch(lines);
        return match.map(m -> m.matching().get(0))
                .or(() -> lines.stream().flatMap(l -> refusals(l).stream()).findFirst());
    }

    private static String reason(String line) {
        return io.handshakematrix.model.OpensslErrorLine.reason(line).strip();
    }
}
