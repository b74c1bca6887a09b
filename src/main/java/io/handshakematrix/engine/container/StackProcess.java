package io.handshakematrix.engine.container;

/** One side's stack run as a process (a shim's docker exec, a product's command), waited for with a deadline. */
interface StackProcess {
    boolean awaitExit(long timeoutMs) throws InterruptedException;

    void kill();

    /** Whether it ended on its own within {@code timeoutMs}; killed if not (its side then timed out). */
    default boolean exitedOrKilled(long timeoutMs) throws InterruptedException {
        boolean exited = awaitExit(timeoutMs);
        if (!exited) {
            kill();
        }
        return exited;
    }
}
