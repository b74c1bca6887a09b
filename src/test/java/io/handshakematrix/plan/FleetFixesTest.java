package io.handshakematrix.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.config.ReceiverSetting;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The fleet-wide choice: most links per edit, ties to edits without cost, never an edit that breaks a link. */
class FleetFixesTest {
    private static final List<Link> L = IntStream.rangeClosed(0, 9).mapToObj(i -> new Link("s" + i, "r", i)).toList();

    private static EditCheck check(String host, String change, String cost, boolean keepsDhe, List<Integer> fixes,
                                   List<Integer> breaks) {
        HostEdit e = new HostEdit(host, HostEdit.Role.RECEIVER, "configssl.cnf of " + host, change, cost, keepsDhe,
                new ReceiverSetting("NO", "1024", change), 0,
                new io.handshakematrix.results.PeerCount(List.of(), List.of()));
        return new EditCheck(e, List.of(), fixes.stream().map(L::get).toList(), breaks.stream().map(L::get).toList(),
                List.of());
    }

    private static List<String> chosen(List<EditCheck> checks, List<Integer> failing) {
        return FleetFixes.choose(checks, failing.stream().map(L::get).toList()).stream()
                .map(c -> c.check().edit().host() + ":" + c.check().edit().change() + "+" + c.newlyFixed().size()).toList();
    }

    @Test
    void mostLinksPerEditFirstAndNoEditThatAddsNothing() {
        List<EditCheck> checks = List.of(
                check("b", "DH_1024", null, true, List.of(3, 4), List.of()),
                check("a", "DH_2048", null, true, List.of(1, 2, 3), List.of()),
                check("c", "DH_1024", null, true, List.of(4), List.of()));
        // a fixes 3; then b adds link 4 (3 is already fixed); c would add nothing new
        assertEquals(List.of("a:DH_2048+3", "b:DH_1024+1"), chosen(checks, List.of(1, 2, 3, 4)));
    }

    @Test
    void tiesGoToTheEditWithoutCostThenToTheOneKeepingDhe() {
        List<EditCheck> checks = List.of(
                check("a", "RECEIVE_SIDE = YES", FixRanking.NO_FORWARD_SECRECY, false, List.of(1, 2), List.of()),
                check("b", "DH_1024", null, true, List.of(1, 2), List.of()));
        assertEquals(List.of("b:DH_1024+2"), chosen(checks, List.of(1, 2)));
        List<EditCheck> costly = List.of(
                check("a", "RECEIVE_SIDE = YES", FixRanking.NO_FORWARD_SECRECY, false, List.of(1), List.of()),
                check("b", "MinimumDHBits 512", FixRanking.WEAKER_SENDER, true, List.of(1), List.of()));
        assertEquals(List.of("b:MinimumDHBits 512+1"), chosen(costly, List.of(1)));
    }

    @Test
    void anEditThatBreaksAWorkingLinkIsNeverChosen() {
        List<EditCheck> checks = List.of(
                check("a", "RECEIVE_SIDE = YES", FixRanking.NO_FORWARD_SECRECY, false, List.of(1, 2, 3), List.of(9)),
                check("a", "DH_1024", null, true, List.of(1), List.of()));
        assertEquals(List.of("a:DH_1024+1"), chosen(checks, List.of(1, 2, 3)));
    }

    @Test
    void aFileIsEditedOnce() {
        List<EditCheck> checks = List.of(
                check("a", "DH_1024", null, true, List.of(1, 2), List.of()),
                check("a", "RECEIVE_SIDE = YES", FixRanking.NO_FORWARD_SECRECY, false, List.of(3), List.of()),
                check("b", "DH_1024", null, true, List.of(3), List.of()));
        assertEquals(List.of("a:DH_1024+2", "b:DH_1024+1"), chosen(checks, List.of(1, 2, 3)));
    }
}
