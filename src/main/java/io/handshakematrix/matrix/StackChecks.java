package io.handshakematrix.matrix;

import io.handshakematrix.model.Side;
import io.handshakematrix.profile.DhCheck;
import io.handshakematrix.profile.ServerDhRule;
import io.handshakematrix.profile.StackProfile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a stack's profile names, per side, with the lines the stack prints when one fires: what an
 * expectation's {@code check:} refers to. As sender: the client checks ({@code min_bits}, {@code g_above_1},
 * ...); as receiver: what it does with unusable DH parameters ({@code p_even}, {@code p_bits_below}) and
 * {@code no_shared_cipher} / {@code no_enabled_cipher} (no suite in common / its own settings enable none).
 */
final class StackChecks {
    private StackChecks() {}

    static Map<String, List<String>> of(StackProfile p, Side side) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (side == Side.SENDER) {
            for (DhCheck c : p.client().checks()) {
                out.putIfAbsent(c.kind().yamlName(), c.errorLines());
            }
            return out;
        }
        for (ServerDhRule r : p.server().unusableDh()) {
            out.putIfAbsent(r.when().yamlName(), r.errorLines());
        }
        for (io.handshakematrix.profile.ServerCertificateRule r : p.server().unusableCertificate()) {
            out.putIfAbsent(io.handshakematrix.profile.ServerCertificateRule.NAME, r.errorLines());
        }
        if (!p.server().log().noSharedCipher().isEmpty()) {
            out.put("no_shared_cipher", p.server().log().noSharedCipher());
        }
        if (!p.server().log().noEnabledCipher().isEmpty()) {
            out.put("no_enabled_cipher", p.server().log().noEnabledCipher());
        }
        return out;
    }
}
