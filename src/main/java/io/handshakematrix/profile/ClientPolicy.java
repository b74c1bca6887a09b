package io.handshakematrix.profile;

import java.util.List;

/** The sender (TLS client) side of a profile: DH minimum, its override, and checks in run order. */
public record ClientPolicy(int dhMinBits, String dhMinBitsSource, MinDhBitsOverride minDhBitsOverride,
                           List<DhCheck> checks, LogLines log) {

    /** The DH minimum in force for a MinimumDHBits request ({@code 0} = none). */
    public int effectiveMinBits(int requestedOverride) {
        return minDhBitsOverride == null ? dhMinBits : minDhBitsOverride.effective(requestedOverride, dhMinBits);
    }
}
