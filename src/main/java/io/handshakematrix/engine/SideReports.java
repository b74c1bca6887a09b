package io.handshakematrix.engine;

import java.util.List;

/**
 * A side that did not run because its stack cannot take a setting the cell asks for (the shim's reserved
 * {@code unsupported} answer, BoGo's "not implemented"): the runner reports the cell as {@code skipped} with
 * the reason, never as a failure of the stack. Carried as a marked harness note, so {@link SideReport} keeps
 * its shape for every engine.
 */
public final class SideReports {
    static final String UNSUPPORTED = "unsupported setting: ";

    private SideReports() {}

    public static SideReport unsupported(String reason) {
        SideLog log = new SideLog();
        log.harnessError(UNSUPPORTED + reason);
        return log.freeze(List.of());
    }

    /** The reason a side was not run, if it was an unsupported setting. */
    public static java.util.Optional<String> unsupportedReason(SideReport r) {
        String h = r.harnessError();
        return h != null && h.startsWith(UNSUPPORTED) ? java.util.Optional.of(h.substring(UNSUPPORTED.length()))
                : java.util.Optional.empty();
    }
}
