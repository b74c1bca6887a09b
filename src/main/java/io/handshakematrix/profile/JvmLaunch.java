package io.handshakematrix.profile;

import java.util.Map;

/**
 * How the jvm engine runs a profile's real stack in a child JVM: which Java feature release (found on the
 * machine at run time), which TLS provider ({@code sunjsse} or {@code bc-fips}), and the child's own
 * {@code java.security} overrides and system properties. Null on profiles that only exist emulated.
 */
public record JvmLaunch(int runtime, String provider, Map<String, String> securityProperties,
                        Map<String, String> systemProperties, String source) {
    public static final String SUNJSSE = "sunjsse";
    public static final String BC_FIPS = "bc-fips";
}
