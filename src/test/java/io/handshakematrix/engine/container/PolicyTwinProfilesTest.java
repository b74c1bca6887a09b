package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.model.OpensslErrorLine;
import io.handshakematrix.profile.ClientHelloProfile;
import io.handshakematrix.profile.DhCheck;
import io.handshakematrix.profile.HelloExtension;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.ServerDhRule;
import io.handshakematrix.profile.StackProfile;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A policy twin is its RHEL profile with upstream's error lines, nothing else: the same policies, protocols, suites,
 * checks in the same order with the same alerts, the same server rules and the same ClientHello. So when the real
 * upstream build under the policy agrees with the twin cell by cell (PolicyTwinDifferentialTest), it agrees with the
 * RHEL profile's logic; only the lines' code, file and line may differ (the OpenSSL reason field may not).
 */
class PolicyTwinProfilesTest {
    private static final ProfileCatalog PROFILES = ProfileCatalog.builtin();
    /** Each policy twin and the RHEL profile it is held to (the pairs below and PolicyTwinDifferentialTest's). */
    static final Map<String, String> RHEL_OF = Map.of("openssl-1.1.1-policy", "rhel-8.10", "openssl-3.0-policy", "rhel-9.4");

    @Test
    void thePairsBelowAreAllTheTwins() {
        assertEquals(RHEL_OF.keySet(), Set.copyOf(ContainerStacks.builtin().policyStacks()));
    }

    @ParameterizedTest
    @CsvSource({"openssl-1.1.1-policy, rhel-8.10", "openssl-3.0-policy, rhel-9.4"})
    void theTwinIsItsRhelProfileWithUpstreamLines(String twinId, String rhelId) {
        StackProfile twin = PROFILES.get(twinId);
        StackProfile rhel = PROFILES.get(rhelId);
        assertEquals(rhel.policyRelease(), twin.policyRelease(), "policies");
        assertEquals(rhel.protocols(), twin.protocols(), "protocols");
        assertEquals(rhel.cipherSuites(), twin.cipherSuites(), "cipher_suites");
        assertEquals(rhel.fips(), twin.fips(), "fips");
        assertEquals(rhel.client().dhMinBits(), twin.client().dhMinBits(), "client.dh_min_bits");
        assertEquals(checks(rhel.client().checks(), twin.client().checks()), checks(twin.client().checks(), List.of()),
                "client.checks");
        assertEquals(rules(rhel.server().unusableDh()), rules(twin.server().unusableDh()), "server.unusable_dh");
        assertEquals(certificateRules(rhel), certificateRules(twin), "server.unusable_certificate");
        assertEquals(rhel.client().log().peerClosedAlert(), twin.client().log().peerClosedAlert(),
                "client.log.peer_closed_alert");
        assertEquals(rhel.server().defaultDhGroup(), twin.server().defaultDhGroup(), "server.default_dh_group");
        assertEquals(hello(rhel.clientHello()), hello(twin.clientHello()), "client_hello");
        assertEquals(rhel.serverHello() == null, twin.serverHello() == null, "server_hello");
    }

    /**
     * Each check as kind, stage, alert, bits and the reason fields of its lines. A twin check whose source begins
     * {@value #UPSTREAM_DIFFERS} states upstream's own alert where a RHEL patch changed it (RHEL 9's alert 47 for a
     * SHA-1-signed ServerKeyExchange, upstream 40: measured by Sha1SigningReceiverTest): the RHEL side of such a
     * check is compared with the twin's alert, so the difference is the twin profile's data, with its source.
     */
    private static List<String> checks(List<DhCheck> checks, List<DhCheck> twinChecks) {
        return checks.stream().map(c -> {
            Integer alert = twinChecks.stream()
                    .filter(t -> t.kind() == c.kind() && t.source() != null && t.source().startsWith(UPSTREAM_DIFFERS))
                    .map(DhCheck::alert).findFirst().orElse(c.alert());
            return c.kind() + " " + c.stage() + " " + alert + " " + c.bits() + " " + reasons(c.errorLines());
        }).toList();
    }

    private static final String UPSTREAM_DIFFERS = "upstream differs from RHEL:";

    private static List<String> rules(List<ServerDhRule> rules) {
        return rules.stream().map(r -> r.when() + " " + r.bits() + " " + r.action() + " " + r.alert() + " "
                + reasons(r.errorLines())).toList();
    }

    private static List<String> certificateRules(StackProfile p) {
        return p.server().unusableCertificate().stream().map(r -> r.bits() + " " + reasons(r.errorLines())).toList();
    }

    private static List<String> reasons(List<String> lines) {
        return lines.stream().map(OpensslErrorLine::reason).toList();
    }

    private static String hello(ClientHelloProfile h) {
        return h == null ? "none" : h.recordVersion() + " " + h.cipherSuites() + " " + h.compression() + " "
                + h.extensions().stream().map(e -> e.type() + "=" + e.hex()).toList() + " " + h.legacyServer()
                + " tls13_only_groups " + h.tls13OnlyGroups();
    }
}
