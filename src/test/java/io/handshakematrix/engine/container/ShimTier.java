package io.handshakematrix.engine.container;

import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.runner.CellRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The emulated engine plus a container engine over other stack data and image folders (test images). */
final class ShimTier implements AutoCloseable {
    static final Path TEST_IMAGES = Path.of("src/test/resources/images-test");
    static final Path IMAGES = Path.of("images");

    final ContainerEngine engine;
    final EngineRegistry engines;
    final CellRunner cells;

    ShimTier(ContainerStacks stacks, Path... imageRoots) {
        engine = new ContainerEngine(System.out, stacks, name -> folder(name, imageRoots));
        engines = new EngineRegistry().register(StackRef.EMULATED, EmulatedEngine::new)
                .register(ContainerEngine.NAME, () -> engine);
        ContainerTier tier = new ContainerTier();
        cells = new CellRunner(engines, tier.profiles, tier.groups, tier.matrix.product(), Path.of("."),
                Duration.ofSeconds(20));
    }

    /** An image folder read from the first root that has it; COPY sources are looked up in every root. */
    static ImageFolder folder(String name, Path... roots) {
        for (Path root : roots) {
            if (Files.isDirectory(root.resolve(name))) {
                return ImageFolder.read(name, p -> read(p, roots), root + "/");
            }
        }
        throw new IllegalArgumentException("no image folder " + name);
    }

    private static Optional<byte[]> read(String path, Path... roots) {
        for (Path root : roots) {
            Path p = root.resolve(path);
            if (Files.isRegularFile(p)) {
                try {
                    return Optional.of(Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Optional.empty();
    }

    HandshakeResult run(Cell c) {
        return cells.run(c);
    }

    @Override
    public void close() {
        engines.close();
    }
}
