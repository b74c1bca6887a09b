package io.handshakematrix.engine;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.profile.StackProfile;
import java.time.Duration;
import java.util.List;

/**
 * How to run a receiver: its profile, the suites its settings enable (OpenSSL names) and its DH group.
 * {@code hostile} is {@link HostileReceiver#NONE} except in hostile-parameter tests.
 */
public record ReceiverSpec(StackProfile profile, List<String> cipherSuites, DhGroup dhGroup, Duration timeout,
                           HostileReceiver hostile) {

    public ReceiverSpec(StackProfile profile, List<String> cipherSuites, DhGroup dhGroup, Duration timeout) {
        this(profile, cipherSuites, dhGroup, timeout, HostileReceiver.NONE);
    }

    public ReceiverSpec withHostile(HostileReceiver h) {
        return new ReceiverSpec(profile, cipherSuites, dhGroup, timeout, h);
    }

    /** Refuses a DHE cell whose group a fixed-group stack (server.dh_configurable: false) cannot serve. */
    public void requireServableGroup() throws UnsupportedSettingException {
        boolean dhe = cipherSuites.stream().anyMatch(io.handshakematrix.model.CipherSuites::isDhe);
        String own = profile.server().defaultDhGroup();
        if (dhe && dhGroup != null && !profile.server().dhConfigurable() && !dhGroup.name().equals(own)) {
            throw new UnsupportedSettingException(profile.id() + " as receiver serves only its own DH group " + own
                    + " (no per-connection DH parameters), not " + dhGroup.name());
        }
    }
}
