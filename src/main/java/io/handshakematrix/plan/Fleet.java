package io.handshakematrix.plan;

import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.matrix.ProductSettings;
import io.handshakematrix.profile.ProfileCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read fleet inventory: hosts as they are now, named groups, the links between hosts (groups and
 * all-to-all already expanded), the planned changes, and what resolves its names (profiles, the receiving
 * product's config semantics, DH groups). {@code protocol} is the TLS version every link offers.
 */
public record Fleet(String file, String protocol, Map<String, Host> hosts, Map<String, List<String>> groups,
                    List<Link> links, List<PlannedChange> changes, ProfileCatalog profiles, ProductProfile product,
                    DhGroupCatalog dhGroups) {

    /** The hosts once every planned change is applied, in order (a later change to the same host wins). */
    public Map<String, Host> after() {
        Map<String, Host> out = new LinkedHashMap<>();
        for (Host h : hosts.values()) {
            Host x = h;
            for (PlannedChange c : changes) {
                x = c.apply(x);
            }
            out.put(h.name(), x);
        }
        return out;
    }

    /** The product's RECEIVE_SIDE mapping as the runner takes it. */
    public ProductSettings productSettings() {
        return new ProductSettings(product.id(), product.receiveSideSuites());
    }

    /** The same fleet with other planned changes (plan --change replaces the file's). */
    public Fleet withChanges(List<PlannedChange> newChanges) {
        return new Fleet(file, protocol, hosts, groups, links, List.copyOf(newChanges), profiles, product, dhGroups);
    }
}
