package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.exception.NotFoundException;
import io.handshakematrix.TestEnvironment;
import io.handshakematrix.profile.ProfileCatalog;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code images --prune}: only other tags of the repositories this process built or reused go, never the kept tags
 * (nor the layers under them), never another repository (bases, product images, users' images).
 */
class ImagePruneTest {
    @Test
    void staleIsAnotherTagOfAKeptRepository() {
        Set<String> kept = Set.of("handshake-matrix/stack-rhel-6.10:0.1.0-aaa", "handshake-matrix/stack-agent:0.1.0-bbb");
        List<String> present = List.of("handshake-matrix/stack-rhel-6.10:0.1.0-aaa", "handshake-matrix/stack-rhel-6.10:0.1.0-old",
                "handshake-matrix/stack-agent:0.0.9-older", "handshake-matrix/stack-agent:0.1.0-bbb",
                "handshake-matrix/debian-12:bookworm", "handshake-matrix/product-our-client:0.1.0-ccc",
                "handshake-matrix/stack-rhel-6.10-fips:0.1.0-old", "registry.example:5000/handshake-matrix/stack-rhel-6.10:x");
        assertEquals(List.of("handshake-matrix/stack-agent:0.0.9-older", "handshake-matrix/stack-rhel-6.10:0.1.0-old"),
                ImagePrune.stale(present, kept));
        assertEquals("registry.example:5000/a/b", ImagePrune.repository("registry.example:5000/a/b:tag"));
        assertEquals("registry.example:5000/a/b", ImagePrune.repository("registry.example:5000/a/b"));
    }

    /** A real stale tag next to the image the harness just ensured: the prune removes it and keeps the image. */
    @Test
    void aRealStaleTagGoesAndTheEnsuredImageStays() {
        TestEnvironment.require(new ImageEngine().docker().isEmpty(), () -> "no Docker engine answers (see .ci/run)");
        String kept = StackImages.ensure(ProfileCatalog.builtin().get("rhel-6.10"));
        String stale = ImagePrune.repository(kept) + ":0.0.0-prune-test";
        var docker = ContainerEngine.client();
        docker.tagImageCmd(kept, ImagePrune.repository(kept), "0.0.0-prune-test").exec();
        List<String> lines = StackImages.pruneStale();
        assertTrue(lines.contains("removed " + stale), lines.toString());
        assertThrows(NotFoundException.class, () -> docker.inspectImageCmd(stale).exec());
        docker.inspectImageCmd(kept).exec(); // still there
        docker.inspectImageCmd(AgentImages.BASE).exec(); // a base is never a prune's business
    }
}
