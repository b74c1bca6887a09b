package io.handshakematrix.engine.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.exception.NotFoundException;
import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;

/**
 * Where a product's image comes from (its product YAML): {@code image: registry/our-product:5.2.0}, a tag that
 * exists locally or can be pulled; {@code build: folder}, an image folder the harness builds (relative to the
 * file); or {@code local: true}, a command on this machine. {@code image: folder} naming an existing folder is the
 * older spelling of {@code build:}. CI tests the image it has just built without editing the file: the system
 * property {@code handshake.product.ID.image} or the variable {@code HANDSHAKE_PRODUCT_ID_IMAGE} (ID in upper
 * case, other characters as _) replaces the tag, the folder or local.
 */
final class ProductImage {
    /** A tag and where it was named (the YAML line, or the property that overrode it), for the error line. */
    record Tag(String name, String file, int line) {}

    /** Exactly one of folder and tag is set, or neither (local). */
    record Source(Path folder, Tag tag) {}

    private ProductImage() {}

    static Source source(YamlNode root, Map<String, YamlNode> top, Path file, String id, boolean local) {
        String prop = "handshake.product." + id + ".image";
        String env = "HANDSHAKE_PRODUCT_" + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_IMAGE";
        String override = System.getProperty(prop, System.getenv(env));
        if (override != null && !override.isBlank()) {
            String by = System.getProperty(prop) != null ? "-D" + prop : "$" + env;
            return new Source(null, new Tag(override.strip(), by + " (overriding " + file + ")", 0));
        }
        int given = (top.containsKey("image") ? 1 : 0) + (top.containsKey("build") ? 1 : 0) + (local ? 1 : 0);
        if (given != 1) {
            throw root.error("expected one of 'image: TAG' (an existing or pullable image), 'build: FOLDER' (an image"
                    + " folder, relative to this file) or 'local: true'");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (top.containsKey("build")) {
            Path folder = dir.resolve(top.get("build").text()).normalize();
            if (!Files.isDirectory(folder)) {
                throw top.get("build").error("expected an image folder (with its Dockerfile), found no folder " + folder);
            }
            return new Source(folder, null);
        }
        if (top.containsKey("image")) {
            YamlNode n = top.get("image");
            Path folder = dir.resolve(n.text()).normalize();
            if (Files.isDirectory(folder)) {
                return new Source(folder, null);
            }
            if (n.text().startsWith(".") || n.text().startsWith("/")) {
                throw n.error("expected an image tag or an image folder, found no folder " + folder);
            }
            return new Source(null, new Tag(n.text(), n.file(), n.line()));
        }
        return new Source(null, null);
    }

    /** The tag, once it exists in the local engine (pulled if need be); bad input when it cannot be had. */
    static String present(Tag tag) {
        DockerClient docker = DockerClientFactory.instance().client();
        try {
            docker.inspectImageCmd(tag.name()).exec();
            return tag.name();
        } catch (NotFoundException notLocal) {
            try {
                QuietPull pull = docker.pullImageCmd(tag.name()).exec(new QuietPull());
                if (pull.awaitCompletion(5, TimeUnit.MINUTES)) {
                    if (pull.failure != null) {
                        throw pull.failure;
                    }
                    docker.inspectImageCmd(tag.name()).exec();
                    return tag.name();
                }
                throw new InputError(tag.file(), tag.line(), "image '" + tag.name()
                        + "' is not in the local Docker engine and its pull did not finish within 5 minutes");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InputError(tag.file(), tag.line(), "interrupted while pulling image '" + tag.name() + "'");
            } catch (RuntimeException pull) {
                throw new InputError(tag.file(), tag.line(), "image '" + tag.name() + "' is not in the local Docker"
                        + " engine and cannot be pulled (" + firstLine(pull.getMessage()) + ")");
            }
        }
    }

    /**
     * A pull whose failure is kept for the one error line: docker-java's own callback would also log it as an
     * ERROR with a stack trace.
     */
    private static final class QuietPull extends ResultCallback.Adapter<PullResponseItem> {
        private volatile RuntimeException failure;

        @Override
        public void onError(Throwable t) {
            failure = t instanceof RuntimeException r ? r : new IllegalStateException(t.getMessage(), t);
            try {
                close();
            } catch (java.io.IOException e) {
                // closing a finished stream: nothing left to release
            }
        }
    }

    private static String firstLine(String s) {
        return s == null ? "no reason given" : s.strip().lines().findFirst().orElse("no reason given");
    }
}
