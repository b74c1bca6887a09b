package io.handshakematrix.diagnose;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;

/**
 * One configuration change tried on a failing cell: where it is made ("receiver configssl.cnf" or the
 * sender's file), the line to set, the changed cell and what its real handshake did.
 */
public record FixAttempt(String where, String change, Cell cell, HandshakeResult result) {

    public boolean works() {
        return result.outcome() == Outcome.OK;
    }

    /** "set [DH] DH_1024_RECEIVE_SIDE = dh1024.pem -> ok, TLSv1.2 DHE-RSA-AES256-SHA, DH 1024" */
    public String line() {
        return "set " + change + " (" + where + ") -> " + verdict();
    }

    public String verdict() {
        if (!works()) {
            return result.summary();
        }
        return "ok, " + result.protocol() + " " + result.cipher() + (result.dhBits() != null ? ", DH " + result.dhBits() : "");
    }
}
