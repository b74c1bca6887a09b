package io.handshakematrix.profile;

/**
 * A configuration knob that changes the client's DH minimum, e.g. RHEL's
 * {@code MinimumDHBits N} in /etc/pki/tls/legacy-settings. Values below {@code floor} are ignored
 * by the stack (so 256-bit DH can never be accepted on RHEL 6.10/7.7).
 */
public record MinDhBitsOverride(String setting, String file, int floor, int ceiling, String source) {

    /** The minimum in force when the user asks for {@code requested}; {@code base} when the stack ignores it. */
    public int effective(int requested, int base) {
        if (requested <= 0 || requested < floor || requested > ceiling) {
            return base;
        }
        return requested;
    }
}
