package io.handshakematrix.engine.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Removes the stale tags of the harness's own images. Each tag is the harness version plus a content hash, so
 * every changed jar or profile leaves the previous image behind (hundreds on a CI machine that keeps its Docker
 * state). Stale = another tag of a repository this process built or reused: the kept tags, and the layers they
 * stand on, are never touched, and neither are repositories it did not build (bases, product images, users').
 */
final class ImagePrune {
    private ImagePrune() {}

    /** What was removed, and what was kept because a container still uses it. */
    record Outcome(List<String> removed, List<String> inUse) {
    }

    /** The tags to remove: of {@code present}, those whose repository has a kept tag but which are not kept. */
    static List<String> stale(List<String> present, Set<String> kept) {
        Set<String> repos = new TreeSet<>();
        kept.forEach(t -> repos.add(repository(t)));
        return present.stream().filter(t -> repos.contains(repository(t)) && !kept.contains(t)).sorted().toList();
    }

    static Outcome run(DockerClient docker, Set<String> kept) {
        List<String> present = new ArrayList<>();
        for (Image i : docker.listImagesCmd().exec()) {
            if (i.getRepoTags() != null) {
                present.addAll(List.of(i.getRepoTags()));
            }
        }
        List<String> removed = new ArrayList<>();
        List<String> inUse = new ArrayList<>();
        for (String tag : stale(present, kept)) {
            try {
                docker.removeImageCmd(tag).withForce(false).exec(); // untags; layers a kept image uses stay
                removed.add(tag);
            } catch (ConflictException e) {
                inUse.add(tag); // a container (a run in progress) still uses it
            } catch (NotFoundException e) {
                // removed meanwhile by someone else: stale either way
            } catch (com.github.dockerjava.api.exception.DockerException e) {
                inUse.add(tag + " (" + e.getMessage().strip() + ")"); // a prune never fails a build: it is tidying up
            }
        }
        return new Outcome(removed, inUse);
    }

    /** {@code handshake-matrix/stack-rhel-6.10:0.1.0-abc} -> {@code handshake-matrix/stack-rhel-6.10}. */
    static String repository(String tag) {
        int colon = tag.lastIndexOf(':');
        return colon > tag.lastIndexOf('/') ? tag.substring(0, colon) : tag;
    }
}
