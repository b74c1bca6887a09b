package io.handshakematrix.engine.emulated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.profile.TlsCodes;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** tls/named-groups.txt says which groups are emulated: BouncyCastle's crypto must agree, group by group. */
class NamedGroupsDataTest {
    @Test
    void emulatedColumnMatchesBouncyCastle() {
        RawDhCrypto crypto = new RawDhCrypto(new SecureRandom());
        for (TlsCodes.NamedGroup g : TlsCodes.groups().values()) {
            assertEquals(g.emulated(), crypto.hasNamedGroup(g.code()), g.name() + " (" + g.code() + ")");
        }
    }
}
