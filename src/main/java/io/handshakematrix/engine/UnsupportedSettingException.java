package io.handshakematrix.engine;

import java.io.IOException;

/**
 * A stack cannot be configured as the cell asks (BoGo's "not implemented" exit code): the cell is
 * reported as skipped with this reason, never as a failure of the stack.
 */
public final class UnsupportedSettingException extends IOException {
    public UnsupportedSettingException(String reason) {
        super(reason);
    }
}
