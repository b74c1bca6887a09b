package io.handshakematrix.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.model.Side;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A real stack's lines read back into its profile's rule: only where exactly one rule prints them all. */
class ErrorMapTest {
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();

    private static Optional<String> rule(String profile, Side side, String... lines) {
        return ErrorMap.of(PROFILES.get(profile)).rule(side, List.of(lines));
    }

    @Test
    void aJdksExceptionIsTheCheckItsProfileMeasuredForIt() {
        assertEquals(Optional.of("ys_in_range"), rule("jdk-17", Side.SENDER,
                "javax.net.ssl.SSLHandshakeException: Invalid DH ServerKeyExchange: invalid parameters"));
        assertEquals(Optional.of("min_bits"), rule("jdk-17", Side.SENDER,
                "javax.net.ssl.SSLHandshakeException: DH ServerKeyExchange does not comply to algorithm constraints"));
        assertEquals(Optional.of("no_shared_cipher"), rule("jdk-17", Side.RECEIVER,
                "javax.net.ssl.SSLHandshakeException: no cipher suites in common"));
        assertEquals(Optional.empty(), rule("jdk-17", Side.RECEIVER,
                "javax.net.ssl.SSLHandshakeException: Invalid DH ServerKeyExchange: invalid parameters"),
                "a line is read on the side whose rule prints it only");
    }

    @Test
    void anOpensslLineIsReadByItsReasonFieldWhateverTheBuildsCodeAndFileLine() {
        assertEquals(Optional.of("min_bits"), rule("openssl-3.0", Side.SENDER,
                "error:0A00018A:SSL routines:tls_process_ske_dhe:dh key too small:ssl/statem/statem_clnt.c:2100:"));
        // both lines of the g check, of which the second is also the p check's: only the g check prints them all
        assertEquals(Optional.of("g_in_range"), rule("openssl-3.0", Side.SENDER,
                "error:02800078:Diffie-Hellman routines:DH_check_params_ex:not suitable generator:../crypto/dh/dh_check.c:38:",
                "error:0A000066:SSL routines:tls_process_ske_dhe:bad dh value:../ssl/statem/statem_clnt.c:2085:"));
    }

    @Test
    void aLineSeveralRulesPrintNamesNone() {
        // OpenSSL 1.1.1 prints "bad dh value" for its Ys check and its g check alike: a guess would be no fact
        assertEquals(Optional.empty(), rule("openssl-1.1.1", Side.SENDER,
                "error:141A3066:SSL routines:tls_process_ske_dhe:bad dh value:../ssl/statem/statem_clnt.c:2141:"));
        assertEquals(Optional.empty(), rule("openssl-3.0", Side.SENDER, "something no profile prints"));
    }
}
