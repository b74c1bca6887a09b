package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A fix never proposes a group the receiver's own stack refuses to load: the product moved to RHEL 9.4 (DEFAULT)
 * cannot load a 1024-bit [DH] table (SSL_CTX_set0_tmp_dh_pkey: dh key too small at start, docs/stacks.md), so the
 * article's first fix is tried, shown failing on the receiver, and never recommended; the 2048-bit table is.
 */
class ReceiverLoadRefusalFixTest {
    @Test
    void aRhel9ReceiverIsNeverToldToServeA1024BitTable() {
        CliRun r = CliRun.of("diagnose", "--config", "examples/configssl.cnf", "--sender", "rhel-7.7", "--receiver",
                "rhel-9.4");
        assertEquals(1, r.code(), r.all());
        String out = r.out();
        assertTrue(out.contains("[fail] set [DH] DH_1024_RECEIVE_SIDE = dh1024.pem (receiver configssl.cnf) -> fail "
                + "receiver: dh key too small (no alert)"), out);
        assertFalse(out.contains("[ok]   set [DH] DH_1024_RECEIVE_SIDE"), out);
        assertTrue(out.contains("Recommended: set [DH] DH_2048_RECEIVE_SIDE = dh2048.pem"), out);
        assertFalse(out.lines().filter(l -> l.startsWith("Recommended") || l.startsWith("Smallest change"))
                .anyMatch(l -> l.contains("DH_1024")), out);
    }
}
