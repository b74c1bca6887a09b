package io.handshakematrix.engine;

import io.handshakematrix.profile.StackProfile;
import java.time.Duration;

/** How to run a sender: its profile, the highest protocol it offers, its MinimumDHBits (0 = none). */
public record SenderSpec(StackProfile profile, String maxProtocol, int minDhBitsOverride, Duration timeout) {
}
