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
}
