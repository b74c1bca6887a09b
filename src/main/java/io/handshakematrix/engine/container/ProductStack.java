package io.handshakematrix.engine.container;

import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.YamlFiles;
import io.handshakematrix.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A user's own product as a matrix side, declared in data (no Java): where it runs (an image folder, or a
 * command on this machine), its command template per role, and how to read its verdict from its exit code and
 * output lines. The harness is the product's shim: it fills the template, runs it once per handshake, and turns
 * the output into the shim's done answer (completed, error lines). Wire facts come from the relay, as for every
 * stack. The file is {@code ID.yaml} one directory above its twin profile {@code profiles/ID.yaml}.
 */
record ProductStack(String id, String file, Path imageFolder, ProductImage.Tag imageTag, boolean local,
                    Map<String, Role> roles, List<Integer> okExitCodes, List<LinePattern> lines) {
    /** What a template may name; anything else in braces is bad input. */
    static final Set<String> PLACEHOLDERS = Set.of("host", "port", "protocol", "suites", "dh", "certfile", "keyfile",
            "cafile", "timeout_s");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");
    private static final Set<String> TOP = Set.of("id", "description", "source", "image", "build", "local", "sender",
            "receiver", "verdict");

    /** One role's command (run with /bin/sh -c) and, for a receiver, the output line that means "listening". */
    record Role(String command, Pattern ready) {}

    /** An output line pattern: the outcome it means (ok, fail, error) and whether the line is one of the stack's error lines. */
    record LinePattern(Pattern pattern, String outcome, boolean errorLine) {
        /** The error line a matching line gives: group "line" if the pattern has one, else the whole line. */
        String lineOf(Matcher m) {
            return pattern.pattern().contains("(?<line>") ? m.group("line") : m.group();
        }
    }

    static ProductStack read(Path file) {
        YamlNode root = YamlFiles.read(file);
        Map<String, YamlNode> top = root.entries(TOP);
        String id = root.need(top, "id").text();
        boolean local = top.containsKey("local") && top.get("local").bool();
        Map<String, Role> roles = new LinkedHashMap<>();
        for (String role : List.of("sender", "receiver")) {
            if (top.containsKey(role)) {
                roles.put(role, role(top.get(role), role));
            }
        }
        if (roles.isEmpty()) {
            throw root.error("expected a 'sender:' or 'receiver:' block with its command");
        }
        YamlNode verdict = root.need(top, "verdict");
        Map<String, YamlNode> v = verdict.entries(Set.of("ok_exit_codes", "lines"));
        List<Integer> ok = new ArrayList<>();
        for (YamlNode n : verdict.need(v, "ok_exit_codes").itemsOrOne()) {
            ok.add(n.integer(0, 255));
        }
        List<LinePattern> lines = new ArrayList<>();
        if (v.containsKey("lines")) {
            for (YamlNode n : v.get("lines").items()) {
                Map<String, YamlNode> m = n.entries(Set.of("pattern", "outcome", "error_line"));
                String outcome = m.containsKey("outcome") ? m.get("outcome").oneOf(Map.of("ok", "ok", "fail", "fail",
                        "error", "error")) : null;
                lines.add(new LinePattern(pattern(n.need(m, "pattern")), outcome,
                        m.containsKey("error_line") && m.get("error_line").bool()));
            }
        }
        // last, so that a copied file's mistakes in its commands are reported before a folder it can no longer find
        ProductImage.Source source = ProductImage.source(root, top, file, id, local);
        return new ProductStack(id, file.toString(), source.folder(), source.tag(), local && source.tag() == null, roles,
                List.copyOf(ok), List.copyOf(lines));
    }

    private static Role role(YamlNode n, String role) {
        Map<String, YamlNode> m = n.entries(Set.of("command", "ready"));
        YamlNode cmd = n.need(m, "command");
        Matcher p = PLACEHOLDER.matcher(cmd.text());
        while (p.find()) {
            if (!PLACEHOLDERS.contains(p.group(1))) {
                throw cmd.error("unknown placeholder {" + p.group(1) + "} in " + role + ".command; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(PLACEHOLDERS).stream().map(s -> "{" + s + "}").toList()));
            }
        }
        Pattern ready = null;
        if (role.equals("receiver")) {
            if (!m.containsKey("ready")) { // without it the harness cannot know when a sender may connect
                throw n.error("missing key 'ready' in receiver; expected the pattern of the output line that means "
                        + "the receiver listens, e.g. ready: '^ACCEPT$'");
            }
            ready = pattern(m.get("ready"));
        }
        return new Role(cmd.text(), ready);
    }

    private static Pattern pattern(YamlNode n) {
        try {
            return Pattern.compile(n.text());
        } catch (PatternSyntaxException e) {
            throw n.error("pattern does not compile: " + e.getDescription() + " near index " + e.getIndex() + " of '"
                    + n.text() + "'");
        }
    }

    /**
     * One filled command: the template as the script of {@code /bin/sh -c}, each placeholder turned into a reference
     * to a positional parameter ({@code "$1"}), and the values as those parameters. No value from a matrix, a
     * profile or a fleet is ever parsed by the shell: a suite list, a path or a DH file name is one word, whatever
     * it holds.
     */
    record Command(String script, List<String> args) {
        /** The shell's argument vector after the program: -c, the script, $0, then $1... */
        List<String> shellArgs() {
            List<String> a = new ArrayList<>(List.of("-c", script, "hm-product"));
            a.addAll(args);
            return a;
        }
    }

    /**
     * The role's command with the placeholders bound. {dh} is '' for a sender and for a receiver serving no DHE
     * suite, so a template passes its DH file only when there is one: {@code dh={dh}; ... ${dh:+-dhparam "$dh"}}.
     */
    Command command(String role, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(roles.get(role).command());
        StringBuilder out = new StringBuilder();
        Map<String, Integer> index = new java.util.LinkedHashMap<>();
        List<String> args = new ArrayList<>();
        while (m.find()) {
            String name = m.group(1);
            String v = values.get(name);
            if (v == null) {
                throw new InputError(file, 0, "{" + name + "} has no value for this " + role);
            }
            int n = index.computeIfAbsent(name, k -> {
                args.add(v);
                return args.size();
            });
            m.appendReplacement(out, Matcher.quoteReplacement("\"${" + n + "}\""));
        }
        m.appendTail(out);
        return new Command(out.toString(), List.copyOf(args));
    }

    /** The product's own verdict on one run: completed, and its error lines in its own words. */
    record Reading(boolean completed, boolean broken, List<String> errors) {}

    Reading read(int exitCode, List<String> output) {
        String outcome = null;
        List<String> errors = new ArrayList<>();
        for (String line : output) {
            for (LinePattern p : lines) {
                Matcher m = p.pattern().matcher(line);
                if (m.find()) {
                    if (p.errorLine()) {
                        errors.add(p.lineOf(m).strip());
                    }
                    if (outcome == null && p.outcome() != null) {
                        outcome = p.outcome();
                    }
                }
            }
        }
        if (outcome == null) {
            outcome = okExitCodes.contains(exitCode) ? "ok" : "fail";
        }
        return new Reading(outcome.equals("ok"), outcome.equals("error"), List.copyOf(errors));
    }
}
