package io.handshakematrix.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.model.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one count of a fix's peers: only current peers, each once, only handshakes that ended ok or fail. */
class PeerCountTest {
    private static final List<String> CURRENT = List.of("openssl-3.0", "jdk-17", "gnutls-3.7");

    @Test
    void onlyCurrentPeersThatEndedOkOrFailCount() {
        Map<String, Outcome> seen = new LinkedHashMap<>();
        seen.put("rhel-6.10", Outcome.OK);          // a diagnosis's other sender: not a current peer
        seen.put("openssl-3.0", Outcome.FAIL);
        seen.put("jdk-17@jvm", Outcome.OK);         // the real stack of a current peer counts as that peer
        seen.put("gnutls-3.7", Outcome.SKIPPED);    // says nothing about the fix
        PeerCount c = PeerCount.of(seen, CURRENT);
        assertEquals(List.of("jdk-17@jvm"), c.accepted());
        assertEquals(List.of("openssl-3.0"), c.refused());
        assertEquals("1 of 2 current peers accept", c.text());
    }

    @Test
    void noCurrentPeerMetIsNoCount() {
        assertEquals("", PeerCount.of(Map.of("rhel-7.7", Outcome.OK), CURRENT).text());
    }
}
