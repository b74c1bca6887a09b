package io.handshakematrix.runner;

import io.handshakematrix.engine.container.ContainerEngine;
import io.handshakematrix.engine.container.ImageEngine;
import io.handshakematrix.engine.container.ProductEngine;
import io.handshakematrix.engine.emulated.EmulatedEngine;
import io.handshakematrix.engine.jvm.JvmEngine;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.model.StackRef;

/** The engines this build knows; a run starts only those its cells name. */
public final class Engines {
    private Engines() {}

    public static EngineRegistry standard() {
        return new EngineRegistry().register(StackRef.EMULATED, EmulatedEngine::new)
                .register(ContainerEngine.NAME, ContainerEngine::new)
                .register(JvmEngine.NAME, JvmEngine::new) // real JSSE and bc-fips in child JVMs
                .register(ImageEngine.NAME, ImageEngine::new) // emulated profiles in their own images
                .register(ProductEngine.NAME, ProductEngine::new); // a user's product declared in data
    }
}
