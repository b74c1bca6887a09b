package io.handshakematrix.testkit;

import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.util.stream.Collectors;

/** The shipped profiles by id; an unknown id lists the known ones, as a matrix file's unknown stack does. */
final class KnownStacks {
    private KnownStacks() {}

    static StackProfile get(String id) {
        ProfileCatalog catalog = ProfileCatalog.builtin();
        return catalog.all().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stack '" + id + "'; expected one of "
                        + catalog.all().stream().map(StackProfile::id).sorted().collect(Collectors.joining(", "))
                        + " (or StackContainer.receiver/sender(Path.of(\"my-stack.yaml\")) for a profile of your own)"));
    }
}
