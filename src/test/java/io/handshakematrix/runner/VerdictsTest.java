package io.handshakematrix.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.SideEnd;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one verdict function: both sides checked against each other; serve and connect judged by the same rules. */
class VerdictsTest {
    private static SideReport side(boolean completed, String protocol, String cipher, boolean gaveUp, Integer sent,
                                   Integer received) {
        SideEnd end = gaveUp ? new SideEnd.GaveUp(null, 1L)
                : completed ? new SideEnd.Completed(protocol, cipher, null) : new SideEnd.Stopped();
        return new SideReport(end, null, sent, received, null, List.of(), List.of(), false, List.of());
    }

    private static SideReport ended(SideEnd end) {
        return SideReport.ended(end);
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
        HandshakeResult r = Verdicts.classify(ended(new SideEnd.Unsupported("this stack has no MinimumDHBits setting")),
                ended(new SideEnd.HarnessFault("the receiver broke too")), 1);
        assertEquals(Outcome.SKIPPED, r.outcome());
        assertEquals("this stack has no MinimumDHBits setting", r.detail());
        assertEquals(List.of(), r.senderErrors());
    }

    @Test
    void aHarnessFaultOnEitherSideIsAnErrorNamingTheSideNeverAStackVerdict() {
        SideReport refused = side(false, null, null, true, 40, null);
        HandshakeResult r = Verdicts.classify(refused, ended(new SideEnd.HarnessFault("docker exec: gone")), 7);
        assertEquals(Outcome.ERROR, r.outcome());
        assertEquals("receiver: docker exec: gone", r.detail());
        assertEquals(null, r.failure());
        assertEquals(7, r.durationMs());
    }

    @Test
    void theEarlierOfTwoSidesThatGaveUpIsTheOneThatFailed() {
        SideReport sender = new SideReport(new SideEnd.GaveUp("min_dh_bits", 20L), 512, 71, 40, "ServerKeyExchange",
                List.of("dh key too small"), List.of(), false, List.of());
        SideReport receiver = new SideReport(new SideEnd.GaveUp(null, 10L), 512, 40, 71, "ClientHello", List.of(),
                List.of(), false, List.of());
        HandshakeResult r = Verdicts.classify(sender, receiver, 1);
        assertEquals(Outcome.FAIL, r.outcome());
        assertEquals(Side.RECEIVER, r.failedSide());
        assertEquals(40, r.alert().code());
        assertEquals("ClientHello", r.stoppedAfter());
        assertEquals(512, r.dhBits());
        assertEquals("min_dh_bits", r.senderTrace().rule()); // reported, never judged
        assertEquals(null, r.negotiated());
    }

    @Test
    void noAnswerWithNobodyGivingUpIsATimeoutNamingWhoWaited() {
        HandshakeResult r = Verdicts.classify(side(false, null, null, false, null, null), ended(new SideEnd.NoAnswer()), 1);
        assertEquals(Outcome.TIMEOUT, r.outcome());
        assertEquals("receiver waited past the timeout", r.detail());
        assertEquals(Outcome.ERROR, Verdicts.classify(side(false, null, null, false, null, null),
                side(false, null, null, false, null, null), 1).outcome());
    }

    @Test
    void aRunCutShortIsNotRunNeverATimeout() {
        HandshakeResult r = Verdicts.notRun("the run timeout (60 s) passed first");
        assertEquals(Outcome.NOT_RUN, r.outcome());
        assertEquals("not-run", r.outcome().label());
        assertEquals("the run timeout (60 s) passed first", r.detail());
    }
}
