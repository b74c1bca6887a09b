package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The two pings that show the support article's fixes breaking on the new releases (docs/stacks.md "RHEL 8, 9 and
 * 10 under system-wide crypto policies"), each a real handshake between the emulated stacks.
 */
class UpgradePingTest {

    /** The first fix (a 1024-bit [DH] table) fails on every RHEL 9 client: SECLEVEL 2, alert 40 (measured). */
    @Test
    void aRhel9SenderRefusesTheThousandTwentyFourBitTable() {
        CliRun r = CliRun.of("ping", "--sender", "rhel-9.4", "--receiver", "rhel-6.10", "--receive-side", "NO",
                "--dh", "1024", "--no-diagnose");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("Handshake failed: the sender gave up after ServerKeyExchange, alert "
                + "handshake_failure (40) sent by the sender"), r.out());
        assertTrue(r.out().contains("sender errors:\n  error:0A00018A:SSL routines:tls_process_ske_dhe:dh key too small"),
                r.out());
        assertTrue(r.out().contains("Server Temp Key: DH, 1024 bits"), r.out());
    }

    /**
     * The second fix (RECEIVE_SIDE = YES, TLS_RSA) fails from a RHEL 10 sender: DEFAULT has no RSA key exchange, so
     * its ClientHello offers no AES256-SHA and the 1.0.1e receiver finds no shared cipher. The same ping from RHEL 9
     * DEFAULT (kRSA kept) succeeds, so the policy, not the receiver, decides.
     */
    @Test
    void aRhel10SenderOffersNoRsaKeyExchange() {
        CliRun r = CliRun.of("ping", "--sender", "rhel-10.0", "--receiver", "rhel-6.10", "--receive-side", "YES",
                "--no-diagnose");
        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains("Handshake failed: the receiver gave up after ClientHello, alert handshake_failure "
                + "(40) sent by the receiver"), r.out());
        assertTrue(r.out().contains("Rule that fired: no_shared_cipher"), r.out());
        assertTrue(r.out().contains("receiver errors:\n  error:1408A0C1:SSL routines:SSL3_GET_CLIENT_HELLO:no shared cipher"),
                r.out());

        CliRun rhel9 = CliRun.of("ping", "--sender", "rhel-9.4", "--receiver", "rhel-6.10", "--receive-side", "YES",
                "--no-diagnose");
        assertEquals(0, rhel9.code(), rhel9.all());
        assertTrue(rhel9.out().contains("Cipher    : AES256-SHA"), rhel9.out());
    }
}
