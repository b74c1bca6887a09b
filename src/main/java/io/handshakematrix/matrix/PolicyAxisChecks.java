package io.handshakematrix.matrix;

import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.yaml.YamlNode;
import java.util.List;

/**
 * The policy axes against the stacks they cross: a stack without crypto policies (RHEL 6/7, the JDKs) takes only
 * the neutral DEFAULT (its built-in settings), and a stack with them only its release's levels and modules
 * (RHEL 10 has no SHA1 subpolicy). Refused at the axis value's file:line, before any cell runs.
 */
final class PolicyAxisChecks {
    private PolicyAxisChecks() {}

    static void check(YamlNode values, List<String> stacks, String role, ProfileCatalog profiles) {
        if (values == null) {
            return;
        }
        for (YamlNode v : values.itemsOrOne()) {
            for (String stack : stacks) {
                StackProfile p = profiles.get(StackRef.parse(stack).profileId());
                String why = profiles.policies().whyNot(p, v.text());
                if (why != null) {
                    throw v.error(v.path() + ": " + role + " " + stack + " " + why);
                }
            }
        }
    }
}
