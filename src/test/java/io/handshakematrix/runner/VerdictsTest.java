package io.handshakematrix.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.SideReports;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one verdict function: both sides checked against each other; serve and connect judged by the same rules. */
class VerdictsTest {
    private static SideReport side(boolean completed, String protocol, String cipher, boolean gaveUp, Integer sent,
                                   Integer received) {
        return new SideReport(completed, protocol, cipher, null, gaveUp, sent, received, null, List.of(), List.of(),
                false, false, null, gaveUp ? 1L : 0L);
    }

    @Test
    void okNeedsBothSidesToAgreeOnProtocolAndSuite() {
        SideReport s = side(true, "TLSv1.2", "DHE-RSA-AES256-SHA", false, null, null);
        assertEquals(Outcome.OK, Verdicts.classify(s, side(true, "TLSv1.2", "DHE-RSA-AES256-SHA", false, null, null), 1)
                .outcome());
        HandshakeResult r = Verdicts.classify(s, side(true, "TLSv1.2", "AES256-SHA", false, null, null), 1);
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals("the sides disagree on the suite: sender DHE-RSA-AES256-SHA, receiver AES256-SHA", r.detail());
        assertEquals(Outcome.ERROR, Verdicts.classify(s, side(true, "TLSv1.1", "DHE-RSA-AES256-SHA", false, null, null), 1)
                .outcome());
    }

    @Test
    void theAlertOneSideSentMustBeTheOneTheOtherReceived() {
        SideReport sender = side(false, null, null, true, 50, null);
        assertEquals(Outcome.FAIL, Verdicts.classify(sender, side(false, null, null, false, null, 50), 1).outcome());
        HandshakeResult r = Verdicts.classify(sender, side(false, null, null, false, null, 40), 1);
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals("the sides disagree: the sender sent alert 50, the receiver received alert 40", r.detail());
    }

    @Test
    void oneSideIsJudgedByTheSameRulesWithThePeerSeenOnTheWire() {
        // serve: our receiver got alert 47 from a real client that refused our ServerKeyExchange
        HandshakeResult served = Verdicts.oneSide(side(false, null, null, false, null, 47), Side.RECEIVER);
        assertEquals(Outcome.FAIL, served.outcome());
        assertEquals(Side.SENDER, served.failedSide());
        assertEquals(47, served.alert().code());
        // connect: our sender refused the server's group itself
        HandshakeResult connected = Verdicts.oneSide(side(false, null, null, true, 40, null), Side.SENDER);
        assertEquals(Side.SENDER, connected.failedSide());
        assertEquals(Outcome.OK, Verdicts.oneSide(side(true, "TLSv1.2", "AES256-SHA", false, null, null), Side.SENDER)
                .outcome());
    }

    @Test
    void anUnsupportedSettingIsASkipWithTheStacksReason() {
        HandshakeResult r = Verdicts.classify(SideReports.unsupported("this stack has no MinimumDHBits setting"),
                side(false, null, null, false, null, null), 1);
        assertEquals(Outcome.SKIPPED, r.outcome());
        assertEquals("this stack has no MinimumDHBits setting", r.detail());
    }
}
