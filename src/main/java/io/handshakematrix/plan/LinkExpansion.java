package io.handshakematrix.plan;

import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.YamlNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the {@code links:} entries into host-to-host links: {@code {from: A, to: B}} where A and B are hosts or
 * groups (every host of A to every host of B, a host never to itself), or {@code all_to_all: GROUP} (every host
 * of the group to every other, both ways). A pair given twice is kept once, at its first line.
 */
final class LinkExpansion {
    /**
     * Ten times the links bench plans (10,000 in a 256 MB heap), as a matrix's cap is ten times bench's cells:
     * far above any real inventory. A 3.9 MB file of two groups joined by one entry named 2.4 billion links.
     */
    static final long MAX_LINKS = 100_000;
    private static final Set<String> KEYS = Set.of("from", "to", "all_to_all");

    private final Map<String, Host> hosts;
    private final Map<String, List<String>> groups;
    private final Map<String, Link> links = new LinkedHashMap<>();

    LinkExpansion(Map<String, Host> hosts, Map<String, List<String>> groups) {
        this.hosts = hosts;
        this.groups = groups;
    }

    List<Link> expand(YamlNode list) {
        for (YamlNode entry : list.items()) {
            Map<String, YamlNode> m = entry.entries(KEYS);
            int before = links.size();
            if (m.containsKey("all_to_all")) {
                if (m.containsKey("from") || m.containsKey("to")) {
                    throw entry.error(entry.path() + ": expected either all_to_all: GROUP or from: and to:, not both");
                }
                List<String> members = members(m.get("all_to_all"));
                bound(entry, members, members);
                pairs(members, members, entry.line());
            } else {
                YamlNode from = entry.need(m, "from");
                YamlNode to = entry.need(m, "to");
                if (hosts.containsKey(from.text()) && from.text().equals(to.text())) {
                    throw to.error(to.path() + ": a link from host '" + from.text() + "' to itself; expected another "
                            + "host or a group as receiver");
                }
                List<String> senders = members(from);
                List<String> receivers = members(to);
                bound(entry, senders, receivers);
                pairs(senders, receivers, entry.line());
            }
            if (links.size() == before) { // a silent no-op entry is a mistake in the inventory
                throw entry.error(entry.path() + ": this entry adds no link (every pair is a host to itself or was "
                        + "given before); expected at least one new sender -> receiver pair");
            }
        }
        if (links.isEmpty()) {
            throw list.error("links: expected at least one link");
        }
        return List.copyOf(links.values());
    }

    /**
     * Counted before expanding: the links so far plus every pair this entry can add but hosts to themselves
     * (repeats of earlier pairs not yet taken off), refused above {@link #MAX_LINKS} with the count in the message.
     */
    private void bound(YamlNode entry, List<String> senders, List<String> receivers) {
        java.util.Set<String> from = new java.util.HashSet<>(senders);
        long toThemselves = receivers.stream().filter(from::contains).count(); // a host is never linked to itself
        long count = links.size() + (long) senders.size() * receivers.size() - toThemselves;
        if (count > MAX_LINKS) {
            throw entry.error(entry.path() + ": the links expand to " + count + " links; expected at most " + MAX_LINKS
                    + " (link groups of fewer hosts, or split the fleet and plan its parts one after another)");
        }
    }

    private void pairs(List<String> senders, List<String> receivers, int line) {
        for (String s : senders) {
            for (String r : receivers) {
                if (!s.equals(r)) {
                    links.putIfAbsent(s + "\n" + r, new Link(s, r, line));
                }
            }
        }
    }

    private List<String> members(YamlNode node) {
        String name = node.text();
        if (hosts.containsKey(name)) {
            return List.of(name);
        }
        List<String> g = groups.get(name);
        if (g == null) {
            throw node.error(node.path() + ": unknown host or group '" + name + "'; expected one of "
                    + names());
        }
        return g;
    }

    private String names() {
        String all = String.join(", ", hosts.keySet()) + (groups.isEmpty() ? "" : "; groups " + String.join(", ",
                groups.keySet()));
        return all.length() > 300 ? all.substring(0, 300) + ", ..." : all;
    }

    /** For messages elsewhere (changes' targets): the same list of names. */
    static InputError unknownTarget(YamlNode node, Map<String, Host> hosts, Map<String, List<String>> groups) {
        return node.error(node.path() + ": unknown host or group '" + node.text() + "'; expected one of "
                + new LinkExpansion(hosts, groups).names());
    }
}
