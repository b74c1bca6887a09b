package io.handshakematrix.engine.container;

import io.handshakematrix.profile.StackProfile;
import java.nio.file.Path;
import java.util.List;

/** The public door to the emulated-stack images for code outside the engines (the testkit, the images command). */
public final class StackImages {
    private StackImages() {}

    /**
     * The tag of {@code profile}'s stack image, built offline first if absent; the image carries the profile's
     * own file (a shipped one, or a user's, wherever it was read from).
     */
    public static String ensure(StackProfile profile) {
        return new AgentImages(new ImageBuilder(ContainerEngine.client())).ensure(profile);
    }

    /** The tag of the image of folder images/{@code name} (e.g. debian-12-product bases), built if absent. */
    public static String ensureFolder(String name) {
        return new ImageBuilder(ContainerEngine.client()).ensure(ImageFolder.read(name, ImageBuilder::classpathFile, "images/"));
    }

    /**
     * After this process built or reused its images ({@link #ensure}, {@link #ensureFolder}): removes every other
     * tag of those images' repositories. Returns one line per removed tag, and one per tag a container still uses.
     */
    public static List<String> pruneStale() {
        ImagePrune.Outcome o = ImagePrune.run(ContainerEngine.client(), ImageBuilder.ensuredTags());
        List<String> lines = new java.util.ArrayList<>();
        o.removed().forEach(t -> lines.add("removed " + t));
        o.inUse().forEach(t -> lines.add("kept " + t + (t.contains(" (") ? "" : " (a container uses it)")));
        return lines;
    }

    /** A DH group as the PKCS#3 PEM a shim takes ("DH PARAMETERS"). */
    public static String pkcs3Pem(io.handshakematrix.dh.DhGroup g) {
        try {
            return ShimContainer.pkcs3Pem(g.p(), g.g());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads image folder {@code name} under {@code root} (bad input: {@code file:line}, see ImageFolder). */
    public static String describe(Path root, String name) {
        ImageFolder f = ImageFolder.read(name, ImageFolder.directory(root), root + "/");
        return f.name() + ": " + f.labels().get(ImageFolder.STACK) + " (" + f.labels().get(ImageFolder.LIBRARY) + " "
                + f.labels().get(ImageFolder.VERSION) + "), roles " + String.join(",", f.roles()) + ", shim "
                + f.labels().get(ImageFolder.SHIM) + ", FROM " + f.from();
    }
}
