package io.handshakematrix.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The engines a run may use, by name. Each is created on first use (a container engine starts Docker
 * only when a cell needs it) and closed once at the end of the run, even after a failure.
 */
public final class EngineRegistry implements AutoCloseable {
    private final Map<String, Supplier<Engine>> factories = new LinkedHashMap<>();
    private final Map<String, Engine> started = new LinkedHashMap<>();

    public EngineRegistry register(String name, Supplier<Engine> factory) {
        factories.put(name, factory);
        return this;
    }

    public Set<String> names() {
        return factories.keySet();
    }

    public synchronized Engine get(String name) {
        Engine e = started.get(name);
        if (e == null) {
            Supplier<Engine> f = factories.get(name);
            if (f == null) {
                throw new IllegalArgumentException("unknown engine " + name + "; known: " + names());
            }
            e = f.get();
            started.put(name, e);
        }
        return e;
    }

    @Override
    public synchronized void close() {
        List<Engine> all = new ArrayList<>(started.values());
        started.clear();
        for (Engine e : all) {
            try {
                e.close();
            } catch (RuntimeException ignored) {
                // keep closing the others: leftover resources of one engine must not keep the rest alive
            }
        }
    }
}
