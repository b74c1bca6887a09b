package io.handshakematrix.engine;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.model.CertificateType;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.profile.StackProfile;
import java.time.Duration;
import java.util.List;

/**
 * How to run a receiver: its profile, the suites its settings enable (OpenSSL names, or
 * {@link #STACK_DEFAULT} for the stack's own DEFAULT list), its DH group and its certificate type.
 */
public record ReceiverSpec(StackProfile profile, List<String> cipherSuites, DhGroup dhGroup, Duration timeout,
                           CertificateType certificate) {

    /** The settings name no suite: the receiver serves its stack's DEFAULT list, as a stock s_server does. */
    public static final List<String> STACK_DEFAULT = CipherSuites.STACK_DEFAULT;

    public ReceiverSpec(StackProfile profile, List<String> cipherSuites, DhGroup dhGroup, Duration timeout) {
        this(profile, cipherSuites, dhGroup, timeout, CertificateType.RSA);
    }

    public ReceiverSpec withCertificate(CertificateType c) {
        return new ReceiverSpec(profile, cipherSuites, dhGroup, timeout, c);
    }

    /** The suites in force: the settings' own, or the stack's DEFAULT list in the stack's order. */
    public List<String> effectiveSuites() {
        return cipherSuites.equals(STACK_DEFAULT) ? profile.defaultSuites() : cipherSuites;
    }

    /**
     * The rule that makes this receiver refuse its DH group at start, if one applies: only when its settings enable
     * a DHE suite (assumption: the product loads its [DH] table to serve DHE; with RSA key exchange alone it
     * never sets DH parameters).
     */
    public java.util.Optional<io.handshakematrix.profile.ServerDhRule> groupRefusedAtLoad() {
        boolean dhe = effectiveSuites().stream().anyMatch(io.handshakematrix.model.CipherSuites::isDhe);
        if (dhGroup == null || !dhe) {
            return java.util.Optional.empty();
        }
        return profile.server().unusableDh().stream()
                .filter(r -> r.action() == io.handshakematrix.profile.ServerDhRule.Action.REFUSE_TO_LOAD)
                .filter(r -> r.appliesTo(dhGroup.p(), dhGroup.g()))
                .findFirst();
    }

    /**
     * The rule that makes this receiver refuse its own certificate at start, if one applies: an RSA certificate
     * (the emulated and real receivers' RSA-2048) below the policy's min_rsa_bits. Real 1.1.1w and 3.0.20 check the
     * DH group first (docs/stacks.md 'Policy twins'), so {@link #groupRefusedAtLoad} wins when both apply.
     */
    public java.util.Optional<io.handshakematrix.profile.ServerCertificateRule> certificateRefusedAtLoad() {
        int rsaBits = certificate == CertificateType.RSA ? ServerIdentity.RSA_BITS : 0;
        return profile.server().unusableCertificate().stream().filter(r -> r.refuses(rsaBits)).findFirst();
    }

    /** Refuses a DHE cell whose group a fixed-group stack (server.dh_configurable: false) cannot serve. */
    public void requireServableGroup() throws UnsupportedSettingException {
        boolean dhe = effectiveSuites().stream().anyMatch(CipherSuites::isDhe);
        String own = profile.server().defaultDhGroup();
        if (dhe && dhGroup != null && !profile.server().dhConfigurable() && !dhGroup.name().equals(own)) {
            throw new UnsupportedSettingException(profile.id() + " as receiver serves only its own DH group " + own
                    + " (no per-connection DH parameters), not " + dhGroup.name());
        }
    }

    /**
     * For an engine whose receivers serve their own RSA-2048 certificate (real tools, child JVMs, images): any other
     * certificate type is a setting it cannot take, so the cell is skipped with this reason, never run as RSA.
     */
    public void requireRsaCertificate(String engine) throws UnsupportedSettingException {
        if (certificate != CertificateType.RSA) {
            throw new UnsupportedSettingException(profile.id() + "@" + engine + " serves its own RSA certificate; "
                    + "only the emulated engine serves a " + certificate.label() + " certificate");
        }
    }
}
