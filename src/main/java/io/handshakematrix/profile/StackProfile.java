package io.handshakematrix.profile;

import java.util.List;

/**
 * A crypto stack as data: one YAML file per stack (src/main/resources/profiles, or a user directory).
 * Protocols are JSSE-style names (TLSv1.2), cipher suites OpenSSL names, in the stack's preference order.
 */
public record StackProfile(String id, String description, String library, String versionString, String source,
                           boolean fips, List<String> protocols, List<String> cipherSuites, ClientPolicy client,
                           ServerPolicy server, String origin, JvmLaunch jvm) {

    public boolean supportsProtocol(String protocol) {
        return protocols.contains(protocol);
    }
}
