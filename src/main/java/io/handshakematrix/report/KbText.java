package io.handshakematrix.report;

/** The fixed sentences both KB renderings share, so Markdown and HTML say the same thing. */
final class KbText {
    private KbText() {}

    static final String DIFFERS = "⚑ differs from matrix.yaml";

    static final String LEGEND = "Marks: ✔ OK (suite negotiated, secure ping answered); ✖ FAIL (the side that gave up, "
            + "its reason, the alert it sent); ⚠ TIMEOUT (no answer in time); ⚠ ERROR (the harness or its environment, never the stacks); "
            + "– SKIPPED; " + DIFFERS + ". Numbers point to the exact error lines at the end.";

    static final String RESOLUTION_INTRO = "For each failing cell, the single setting change that made the same "
            + "sender and receiver pass in this very run (each suggestion is a cell that ran and passed, not a rule "
            + "of thumb). RECEIVE_SIDE is `[RSAKEY] RECEIVE_SIDE` and the DH file `[DH] DH_n_RECEIVE_SIDE` in the "
            + "receiver's configssl.cnf; MinimumDHBits is on the sender.";

    static String setting(Resolution r) {
        return "RECEIVE_SIDE = " + r.receiveSide() + ", DH " + String.join(" / ", r.dhGroups()) + ", " + r.protocol()
                + (r.senderMinDhBits() > 0 ? ", sender MinimumDHBits " + r.senderMinDhBits() : "");
    }
}
