package io.handshakematrix.engine.container;

import io.handshakematrix.model.Side;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;
import org.testcontainers.DockerClientFactory;

/**
 * The run's containers: one per image and role, started on first use and shared by every cell (never one per
 * cell); a failed start is not retried (its task keeps the failure). Closing stops them all and prints the tier's cost: each image's build
 * (or "cached") and the container starts with their total time.
 */
final class Containers implements AutoCloseable {
    private final Map<String, ShimContainer> running = new LinkedHashMap<>();
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, FutureTask<ShimContainer>> starting = new LinkedHashMap<>();
    private final PrintStream summaryOut;
    private final Function<String, ? extends ShimContainer> factory;
    private Optional<String> dockerProblem;
    private ImageBuilder builder;
    private int starts;
    private long startNanos;

    Containers(PrintStream summaryOut) {
        this(summaryOut, ShimContainer::new);
    }

    Containers(PrintStream summaryOut, Function<String, ? extends ShimContainer> factory) {
        this.summaryOut = summaryOut;
        this.factory = factory;
    }

    /** Why no Docker engine can be used; empty when one answers. Checked once per run. */
    synchronized Optional<String> docker() {
        if (dockerProblem == null) {
            if (!"true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
                dockerProblem = Optional.of("TESTCONTAINERS_RYUK_DISABLED=true is not set (Ryuk's image cannot be pulled "
                        + "without a registry); also set TESTCONTAINERS_HOST_OVERRIDE=localhost");
            } else {
                try {
                    dockerProblem = DockerClientFactory.instance().isDockerAvailable() ? Optional.empty()
                            : Optional.of("no Docker engine answers (start dockerd; see .ci/run)");
                } catch (RuntimeException e) {
                    dockerProblem = Optional.of("no Docker engine answers: " + e.getMessage());
                }
            }
        }
        return dockerProblem;
    }

    synchronized ImageBuilder builder() {
        if (builder == null) {
            builder = new ImageBuilder(ContainerEngine.client());
        }
        return builder;
    }

    /**
     * The run's container for this image and role, started on first use. Containers of different images start
     * at the same time (each key has its own start task); cells of one key wait for its start.
     */
    ShimContainer get(String image, Side role) {
        String key = key(image, role);
        FutureTask<ShimContainer> task;
        synchronized (this) {
            task = starting.computeIfAbsent(key, k -> new FutureTask<>(() -> start(k, image)));
        }
        task.run(); // only the first caller starts it; the others wait below
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + key);
        }
    }

    private ShimContainer start(String key, String image) {
        ShimContainer c = factory.apply(image);
        long t0 = System.nanoTime();
        try {
            c.start();
        } catch (RuntimeException e) {
            synchronized (this) {
                failures.put(key, "container " + key + " failed to start: " + e.getMessage());
            }
            throw new IllegalStateException("container " + key + " failed to start: " + e.getMessage(), e);
        } finally {
            synchronized (this) {
                starts++;
                startNanos += System.nanoTime() - t0;
            }
        }
        synchronized (this) {
            running.put(key, c);
        }
        return c;
    }

    /** "PROFILE ROLE: what failed", plus "(container X is not running)" when that is the cause. */
    String broke(String profileId, String image, Side role, Exception e) {
        String state;
        synchronized (this) {
            ShimContainer c = running.get(key(image, role));
            state = c == null ? "" : c.isRunning() ? "" : " (container " + c.getContainerName() + " is not running)";
        }
        return profileId + " " + role.label() + ": " + e.getMessage() + state;
    }

    private static String key(String image, Side role) {
        return image + " " + role.label();
    }

    @Override
    public synchronized void close() {
        if (running.isEmpty() && failures.isEmpty()) {
            return;
        }
        running.values().forEach(c -> {
            try {
                c.stop();
            } catch (RuntimeException ignored) {
                // already stopped (e.g. killed mid-run): nothing left to release
            }
        });
        starting.clear();
        StringBuilder images = new StringBuilder();
        running.values().stream().map(c -> c.getDockerImageName()).distinct().forEach(i -> images
                .append(images.length() == 0 ? "" : ", ").append(i).append(' ')
                .append(builder == null ? "cached" : builder.buildNote(i)));
        summaryOut.printf("container tier: %d container starts (%.1f s in all); images: %s%n", starts,
                startNanos / 1e9, images.length() == 0 ? "none used" : images);
        running.clear();
    }
}
