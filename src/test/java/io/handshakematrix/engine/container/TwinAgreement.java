package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.model.Alert;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.OpensslErrorLine;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.util.List;

/**
 * How a real stack judges its emulated twin on one cell (ContainerDifferentialTest, PolicyTwinDifferentialTest): the
 * real result meets the matrix's expectation, and verdict, failing side, alert and the failing side's first error
 * line are equal.
 */
final class TwinAgreement {
    private TwinAgreement() {}

    static void assertAgree(String name, String matrixFile, CellResult real, CellResult twin) {
        assertTrue(real.matches(), () -> name + ": real stack differs from " + matrixFile + ": "
                + String.join("; ", real.differences()));
        // Only a cell the matrix disables (with its reason) gets here skipped: the line above fails any other
        // skip, since its expectation is a verdict.
        if (real.result().outcome() == Outcome.SKIPPED) {
            TestEnvironment.skipAsDeclared("disabled: " + real.result().detail());
        }
        HandshakeResult a = real.result();
        HandshakeResult b = twin.result();
        String both = "\n  real:     " + a.summary() + "\n  emulated: " + b.summary();
        assertEquals(a.outcome(), b.outcome(), () -> name + ": verdict differs" + both);
        assertEquals(a.failedSide(), b.failedSide(), () -> name + ": failing side differs" + both);
        assertEquals(alertCode(a), alertCode(b), () -> name + ": alert differs" + both);
        assertEquals(errorLine(a), errorLine(b), () -> name + ": error line differs" + both);
    }

    /**
     * The same decision as the real build, for a profile of another build of the same code (RHEL's): verdict, failing
     * side, alert and the OpenSSL reason of the failing side's first error line (its code, file and line may differ).
     */
    static void assertSameDecision(String name, CellResult real, CellResult other) {
        HandshakeResult a = real.result();
        HandshakeResult b = other.result();
        String both = "\n  real:     " + a.summary() + "\n  emulated: " + b.summary();
        assertEquals(a.outcome(), b.outcome(), () -> name + ": verdict differs" + both);
        assertEquals(a.failedSide(), b.failedSide(), () -> name + ": failing side differs" + both);
        assertEquals(alertCode(a), alertCode(b), () -> name + ": alert differs" + both);
        String la = errorLine(a);
        String lb = errorLine(b);
        assertEquals(la == null ? null : OpensslErrorLine.reason(la), lb == null ? null : OpensslErrorLine.reason(lb),
                () -> name + ": error reason differs" + both);
    }

    private static Integer alertCode(HandshakeResult r) {
        Alert a = r.alert();
        return a == null ? null : a.code();
    }

    /** The failing side's first error line, exactly as printed (OpenSSL's thread-id prefix removed). */
    private static String errorLine(HandshakeResult r) {
        if (r.outcome() != Outcome.FAIL) {
            return null;
        }
        List<String> lines = r.failedSide() == Side.RECEIVER ? r.receiverErrors() : r.senderErrors();
        return lines.isEmpty() ? null : lines.get(0);
    }
}
