package io.handshakematrix.runner;

import io.handshakematrix.model.CellResult;

/** What a display needs to follow a run: the size up front, then each cell as it finishes (any thread). */
public interface ProgressListener extends AutoCloseable {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void start(int total, int alreadyDone) {
        }

        @Override
        public void cellDone(CellResult result) {
        }
    };

    /** {@code alreadyDone} cells came from the journal of an earlier, interrupted run. */
    void start(int total, int alreadyDone);

    void cellDone(CellResult result);

    @Override
    default void close() {
    }
}
