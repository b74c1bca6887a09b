package io.handshakematrix.engine;

import java.io.IOException;

/**
 * A receiver's stack cannot be configured as the cell asks (BoGo's "not implemented" exit code), found while
 * {@link Engine#serve} sets it up, before there is a report to return: the runner turns it into that side's
 * {@link SideEnd.Unsupported} end, the one way a skip reaches the verdict, never a failure of the stack.
 */
public final class UnsupportedSettingException extends IOException {
    public UnsupportedSettingException(String reason) {
        super(reason);
    }
}
