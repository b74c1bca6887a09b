package io.handshakematrix.report;

/** The fixed sentences both KB renderings share, so Markdown and HTML say the same thing. */
final class KbText {
    private KbText() {}

    static final String DIFFERS = "⚑ differs from matrix.yaml";

    static final String LEGEND = "Marks: ✔ OK (suite negotiated, secure ping answered); ✖ FAIL (the side that gave up, "
            + "its reason, the alert it sent); ⚠ TIMEOUT (no answer in time); ⚠ ERROR (the harness or its environment, never the stacks); "
            + "– SKIPPED; " + DIFFERS + ". ◆ marks a cell run against real software (which side, which engine); "
            + "every other cell ran both sides as emulated profiles. Numbers point to the exact error lines at the end.";

    /** "◆ real sender (jvm)" for a cell with a real side; empty for an all-emulated cell. */
    static String realSoftware(String engineLabel) {
        String[] sides = engineLabel.split("->");
        String sender = sides[0];
        String receiver = sides.length > 1 ? sides[1] : sides[0];
        boolean realSender = !sender.equals("emulated");
        boolean realReceiver = !receiver.equals("emulated");
        if (realSender && realReceiver) {
            return "◆ real both sides (" + (sender.equals(receiver) ? sender : sender + ", " + receiver) + ")";
        }
        if (realSender) {
            return "◆ real sender (" + sender + ")";
        }
        return realReceiver ? "◆ real receiver (" + receiver + ")" : "";
    }

    static final String RESOLUTION_INTRO = "For each failing cell, the single setting change that made the same "
            + "sender and receiver pass in this very run (each suggestion is a cell that ran and passed, not a rule "
            + "of thumb). RECEIVE_SIDE is `[RSAKEY] RECEIVE_SIDE` and the DH file `[DH] DH_n_RECEIVE_SIDE` in the "
            + "receiver's configssl.cnf; MinimumDHBits is on the sender.";

    static String setting(Resolution r) {
        return "RECEIVE_SIDE = " + r.receiveSide() + ", DH " + String.join(" / ", r.dhGroups()) + ", " + r.protocol()
                + (r.senderMinDhBits() > 0 ? ", sender MinimumDHBits " + r.senderMinDhBits() : "");
    }
}
