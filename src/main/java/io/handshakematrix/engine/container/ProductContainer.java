package io.handshakematrix.engine.container;

/**
 * A container of a user's product image, which speaks no shim of its own: the harness gives it an idle main
 * process (and the shim's ready line, so it starts like every stack container) and runs the product's command
 * templates in it, one per handshake.
 */
final class ProductContainer extends ShimContainer {
    ProductContainer(String image) {
        super(image);
        withCommand("/bin/sh", "-c", "mkdir -p " + WORK + " && echo '{\"event\":\"ready\",\"shim\":1}' && exec sleep infinity");
    }
}
