package io.handshakematrix.plan;

import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ConfigSslReader;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.config.ReceiverSetting;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.MinDhBitsOverride;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.YamlFiles;
import io.handshakematrix.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a fleet inventory (fleet.yaml): {@code hosts} (name: stack, config, legacy_settings), {@code groups}
 * (name: [hosts]), {@code links} (see {@link LinkExpansion}) and {@code changes} (hosts: host or group, then
 * one of stack, config, legacy_settings); optional {@code profiles} (a directory of extra stack profiles),
 * {@code product} (the receiving product's profile) and {@code protocol}. Paths are relative to the fleet
 * file. Every mistake is one {@link InputError} naming fleet.yaml's line.
 */
public final class FleetReader {
    private static final Set<String> TOP = Set.of("profiles", "product", "protocol", "hosts", "groups", "links",
            "changes");
    private static final Set<String> HOST = Set.of("stack", "config", "legacy_settings");
    private static final Set<String> CHANGE = Set.of("hosts", "stack", "config", "legacy_settings");
    private static final Set<String> PROTOCOLS = Set.of("SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private final Collection<String> engineNames;

    /** {@code engineNames}: the engines a stack may name after '@' (EngineRegistry.names()). */
    public FleetReader(Collection<String> engineNames) {
        this.engineNames = engineNames;
    }

    private boolean allowOutside;

    /** Files a fleet names outside its own folder ({@code config:}, {@code product:}) are refused unless allowed. */
    public FleetReader allowingOutside(boolean allow) {
        this.allowOutside = allow;
        return this;
    }

    /** Whether {@code p} (symlinks followed where it exists) lies under {@code dir}. */
    private static boolean inside(Path p, Path dir) {
        try {
            Path real = Files.exists(p) ? p.toRealPath() : p;
            Path root = Files.exists(dir) ? dir.toRealPath() : dir.normalize();
            return real.startsWith(root);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public Fleet read(Path file) {
        YamlNode root = YamlFiles.read(file);
        Path dir = file.toAbsolutePath().getParent();
        Map<String, YamlNode> top = root.entries(TOP);
        ProfileCatalog profiles = ProfileCatalog.builtin();
        if (top.containsKey("profiles")) {
            YamlNode p = top.get("profiles");
            if (p.text().isBlank()) { // resolved, "" would be the fleet file's own folder
                throw p.error("profiles: empty; expected a directory of stack profile *.yaml files, relative to "
                        + file.getFileName());
            }
            Path pd = dir.resolve(p.text());
            if (!Files.isDirectory(pd)) {
                throw p.error("profiles: '" + p.text() + "' (" + pd + ") is not a directory; expected a directory of "
                        + "stack profile *.yaml files, relative to " + file.getFileName());
            }
            profiles.addDirectory(pd);
        }
        DhGroupCatalog dhGroups = DhGroupCatalog.builtin();
        ProductProfile product = ProductProfiles.builtin();
        if (top.containsKey("product")) {
            product = ProductProfiles.load(existing(top.get("product"), dir, "a product profile YAML"), dhGroups);
        }
        String protocol = "TLSv1.2";
        if (top.containsKey("protocol")) {
            YamlNode p = top.get("protocol");
            protocol = p.text();
            if (!PROTOCOLS.contains(protocol)) {
                throw p.error("protocol: expected one of " + String.join(", ", PROTOCOLS.stream().sorted().toList())
                        + ", found '" + protocol + "'");
            }
        }
        Context ctx = new Context(file, dir, profiles, product, new ConfigSslReader(product, dhGroups));
        Map<String, Host> hosts = hosts(root.need(top, "hosts"), ctx);
        Map<String, List<String>> groups = top.containsKey("groups") ? groups(top.get("groups"), hosts) : Map.of();
        List<Link> links = new LinkExpansion(hosts, groups).expand(root.need(top, "links"));
        Fleet fleet = new Fleet(file.toString(), protocol, hosts, groups, links, List.of(), profiles, product, dhGroups);
        List<PlannedChange> changes = new ArrayList<>();
        if (top.containsKey("changes")) {
            for (YamlNode c : top.get("changes").items()) {
                changes.add(checkEffect(fleet.withChanges(changes), change(c, fleet, ctx), c));
            }
        }
        fleet = fleet.withChanges(changes);
        requireReceiverConfigs(fleet, fleet.hosts(), "");
        requireReceiverConfigs(fleet, fleet.after(), " after the planned changes");
        return fleet;
    }

    /** {@code --change TARGET=STACK} or {@code --change TARGET=config:FILE} (FILE relative to the working directory). */
    public PlannedChange parseChange(Fleet fleet, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new InputError("--change", 0, "expected HOST=STACK, GROUP=STACK or HOST=config:FILE, found '" + text + "'");
        }
        String target = text.substring(0, eq);
        String value = text.substring(eq + 1);
        List<String> members = targetHosts(fleet, target);
        if (members == null) {
            throw new InputError("--change", 0, "unknown host or group '" + target + "' in '" + text + "'; expected one "
                    + "of the hosts or groups of " + fleet.file());
        }
        PlannedChange c;
        if (value.startsWith("config:")) {
            Path cfgFile = Path.of(value.substring("config:".length()));
            if (!Files.isRegularFile(cfgFile)) {
                throw new InputError("--change", 0, "config file '" + cfgFile + "' not found; expected a configssl.cnf");
            }
            ConfigSsl cfg = new ConfigSslReader(fleet.product(), fleet.dhGroups()).read(cfgFile);
            c = new PlannedChange(target, members, null, cfgFile, cfg, fleet.product().effective(cfg), null, "--change");
        } else {
            String problem = stackProblem(fleet.profiles(), value);
            if (problem != null) {
                throw new InputError("--change", 0, problem + " in '" + text + "'");
            }
            c = new PlannedChange(target, members, value, null, null, null, null, "--change");
        }
        return c;
    }

    /** Applies {@code --change}s in order, each checked like the file's: it must change something. */
    public Fleet withCommandLineChanges(Fleet fleet, List<String> texts) {
        List<PlannedChange> changes = new ArrayList<>();
        for (String t : texts) {
            PlannedChange c = parseChange(fleet, t);
            if (!changesSomething(fleet.withChanges(changes), c)) {
                throw new InputError("--change", 0, "'" + t + "' changes nothing: every host of " + c.target()
                        + " already has it; expected a change");
            }
            changes.add(c);
        }
        Fleet out = fleet.withChanges(changes);
        requireReceiverConfigs(out, out.after(), " after the planned changes");
        return out;
    }

    private record Context(Path file, Path dir, ProfileCatalog profiles, ProductProfile product, ConfigSslReader configs) {
    }

    private Map<String, Host> hosts(YamlNode node, Context ctx) {
        Map<String, Host> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            String name = e.getKey();
            YamlNode h = e.getValue();
            if (!name.matches(NAME)) {
                throw h.error("hosts: host name '" + name + "': expected letters, digits, '.', '_' or '-'");
            }
            Map<String, YamlNode> m = h.entries(HOST);
            YamlNode stackNode = h.need(m, "stack");
            String stack = stack(stackNode, ctx.profiles());
            Path cfgFile = null;
            ConfigSsl cfg = null;
            ReceiverSetting setting = null;
            if (m.containsKey("config")) {
                cfgFile = existing(m.get("config"), ctx.dir(), "the host's configssl.cnf");
                cfg = ctx.configs().read(cfgFile);
                setting = ctx.product().effective(cfg);
            }
            int minBits = m.containsKey("legacy_settings") ? legacy(m.get("legacy_settings"), stack, ctx.profiles()) : 0;
            out.put(name, new Host(name, stack, cfgFile, cfg, setting, minBits, h.line()));
        }
        if (out.isEmpty()) {
            throw node.error("hosts: expected at least one host");
        }
        return out;
    }

    private static Map<String, List<String>> groups(YamlNode node, Map<String, Host> hosts) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
            if (hosts.containsKey(e.getKey())) {
                throw e.getValue().error("groups: '" + e.getKey() + "' is already a host's name; expected a group name "
                        + "that no host has");
            }
            Set<String> members = new LinkedHashSet<>();
            for (YamlNode m : e.getValue().items()) {
                String h = m.text();
                if (out.containsKey(h)) {
                    members.addAll(out.get(h)); // a group of groups, as long as the inner one comes first
                } else if (!hosts.containsKey(h)) {
                    throw m.error(m.path() + ": unknown host '" + h + "'; expected a host of hosts: or an earlier group");
                } else if (!members.add(h)) {
                    throw m.error(m.path() + ": host '" + h + "' listed twice in group " + e.getKey());
                }
            }
            if (members.isEmpty()) {
                throw e.getValue().error("groups." + e.getKey() + ": expected at least one host");
            }
            out.put(e.getKey(), List.copyOf(members));
        }
        return out;
    }

    private PlannedChange change(YamlNode node, Fleet fleet, Context ctx) {
        Map<String, YamlNode> m = node.entries(CHANGE);
        YamlNode target = node.need(m, "hosts");
        List<String> members = targetHosts(fleet, target.text());
        if (members == null) {
            throw LinkExpansion.unknownTarget(target, fleet.hosts(), fleet.groups());
        }
        List<String> what = CHANGE.stream().filter(k -> !k.equals("hosts") && m.containsKey(k)).sorted().toList();
        if (what.size() != 1) {
            throw node.error(node.path() + ": expected exactly one of config, legacy_settings, stack" + (what.isEmpty()
                    ? "" : ", found " + String.join(" and ", what)));
        }
        String origin = ctx.file() + ":" + node.line();
        switch (what.get(0)) {
            case "stack" -> {
                return new PlannedChange(target.text(), members, stack(m.get("stack"), ctx.profiles()), null, null, null,
                        null, origin);
            }
            case "config" -> {
                Path f = existing(m.get("config"), ctx.dir(), "the new configssl.cnf");
                ConfigSsl cfg = ctx.configs().read(f);
                return new PlannedChange(target.text(), members, null, f, cfg, ctx.product().effective(cfg), null, origin);
            }
            default -> {
                Map<String, Host> after = fleet.after();
                int bits = 0;
                for (String h : members) {
                    bits = legacy(m.get("legacy_settings"), after.get(h).stack(), ctx.profiles());
                }
                return new PlannedChange(target.text(), members, null, null, null, null, bits, origin);
            }
        }
    }

    private static PlannedChange checkEffect(Fleet before, PlannedChange c, YamlNode node) {
        if (!changesSomething(before, c)) {
            throw node.error(node.path() + ": this change changes nothing: every host of " + c.target() + " already "
                    + "has it; expected a change");
        }
        return c;
    }

    private static boolean changesSomething(Fleet before, PlannedChange c) {
        return before.after().values().stream().anyMatch(h -> !c.apply(h).sameForHandshakes(h));
    }

    /** A host or a group's members; null when neither. */
    private static List<String> targetHosts(Fleet fleet, String name) {
        if (fleet.hosts().containsKey(name)) {
            return List.of(name);
        }
        return fleet.groups().get(name);
    }

    /** Every host that receives on some link needs a config: it decides what the receiver serves. */
    private static void requireReceiverConfigs(Fleet fleet, Map<String, Host> hosts, String when) {
        for (Link l : fleet.links()) {
            if (hosts.get(l.receiver()).receiver() == null) {
                throw new InputError(fleet.file(), l.line(), "host '" + l.receiver() + "' receives on link " + l.name()
                        + " but has no config:" + when + "; expected its configssl.cnf (what it serves as receiver)");
            }
        }
    }

    private String stack(YamlNode node, ProfileCatalog profiles) {
        String problem = stackProblem(profiles, node.text());
        if (problem != null) {
            throw node.error(node.path() + ": " + problem);
        }
        return node.text();
    }

    private String stackProblem(ProfileCatalog profiles, String stack) {
        StackRef ref = StackRef.parse(stack);
        if (profiles.find(ref.profileId()).isEmpty()) {
            return "unknown stack '" + stack + "'; expected one of " + String.join(", ", profiles.ids());
        }
        if (!engineNames.contains(ref.engine())) {
            return "unknown engine '" + ref.engine() + "' in '" + stack + "'; expected one of " + String.join(", ", engineNames);
        }
        return null;
    }

    /** {@code legacy_settings: {MinimumDHBits: 512}}: the override the sender's profile knows, within its range. */
    private static int legacy(YamlNode node, String stack, ProfileCatalog profiles) {
        StackProfile p = profiles.get(StackRef.parse(stack).profileId());
        MinDhBitsOverride o = p.client().minDhBitsOverride();
        Map<String, YamlNode> m = node.entries();
        if (o == null) {
            throw node.error(node.path() + ": stack " + stack + " has no legacy-settings override; expected none here");
        }
        if (m.size() != 1 || !m.containsKey(o.setting())) {
            throw node.error(node.path() + ": expected {" + o.setting() + ": N} (" + o.file() + " of " + stack + ")");
        }
        return m.get(o.setting()).integer(o.floor(), o.ceiling());
    }

    private Path existing(YamlNode node, Path dir, String expected) {
        Path p = dir.resolve(node.text()).normalize();
        if (!allowOutside && !inside(p, dir)) {
            // refused before it is opened: a fleet file must not make plan read (and quote) any file
            throw node.error(node.path() + ": '" + node.text() + "' is outside the fleet's folder " + dir + "; expected "
                    + expected + " inside it (plan --allow-outside to allow)");
        }
        if (!Files.isRegularFile(p)) {
            throw node.error(node.path() + ": file '" + node.text() + "' not found (" + p + "); expected " + expected
                    + ", relative to the fleet file");
        }
        return p;
    }
}
