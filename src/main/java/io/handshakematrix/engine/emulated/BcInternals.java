package io.handshakematrix.engine.emulated;

import java.lang.reflect.Field;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsHandshakeHash;
import org.bouncycastle.tls.TlsProtocol;

/**
 * The two package-private BouncyCastle fields the emulation must reach, in one place (bctls is pinned in
 * the pom; a version without them fails here at class load, not somewhere in a handshake):
 * {@code TlsProtocol.handshakeHash}, so that a hello re-ordered on the wire is the hello in the transcript;
 * {@code SecurityParameters.clientSupportedGroups}, which BouncyCastle's DHE client compares with an RFC 7919
 * group the server sends (illegal_parameter if the client's supported_groups lacks it). OpenSSL 1.0.x
 * predates RFC 7919 and lists only curves there, yet accepts ffdhe2048 as any other group.
 */
final class BcInternals {
    private static final Field HANDSHAKE_HASH = field(TlsProtocol.class, "handshakeHash");
    private static final Field CLIENT_GROUPS = field(SecurityParameters.class, "clientSupportedGroups");

    private BcInternals() {}

    static TlsHandshakeHash handshakeHash(TlsProtocol protocol) {
        try {
            return (TlsHandshakeHash) HANDSHAKE_HASH.get(protocol);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets the client's supported groups as BouncyCastle sees them; returns the previous value. */
    static int[] swapClientSupportedGroups(SecurityParameters sp, int[] groups) {
        try {
            int[] old = (int[]) CLIENT_GROUPS.get(sp);
            CLIENT_GROUPS.set(sp, groups);
            return old;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Field field(Class<?> c, String name) {
        try {
            Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("this BouncyCastle has no " + c.getSimpleName() + "." + name
                    + " (the pom pins bctls 1.84)", e);
        }
    }
}
