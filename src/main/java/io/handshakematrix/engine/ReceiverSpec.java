package io.handshakematrix.engine;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.profile.StackProfile;
import java.time.Duration;
import java.util.List;

/** How to run a receiver: its profile, the suites its settings enable (OpenSSL names) and its DH group. */
public record ReceiverSpec(StackProfile profile, List<String> cipherSuites, DhGroup dhGroup, Duration timeout) {
}
