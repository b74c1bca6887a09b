package io.handshakematrix.profile;

import java.util.List;

/**
 * The receiver (TLS server) side: default DH group and what it does with unusable parameters.
 * {@code dhConfigurable} false: the stack serves only its default group (JSSE has no per-connection DH
 * parameters), so a cell asking for another group is not a setting it supports.
 * {@code dheNeedsFfdheGroup}: a client whose supported_groups lists no RFC 7919 group gets no DHE suite
 * (BCJSSE: AbstractTlsServer.selectDH), as the real 1.0.x ClientHello, which lists only curves there.
 * {@code unusableCertificate}: the receiver refuses its own certificate at start (a key below the policy minimum).
 */
public record ServerPolicy(String defaultDhGroup, String defaultDhGroupSource, List<ServerDhRule> unusableDh,
                           LogLines log, boolean dhConfigurable, boolean dheNeedsFfdheGroup,
                           List<ServerCertificateRule> unusableCertificate) {

    public ServerPolicy(String defaultDhGroup, String defaultDhGroupSource, List<ServerDhRule> unusableDh,
                        LogLines log, boolean dhConfigurable, boolean dheNeedsFfdheGroup) {
        this(defaultDhGroup, defaultDhGroupSource, unusableDh, log, dhConfigurable, dheNeedsFfdheGroup, List.of());
    }
}
