package io.handshakematrix.diagnose;

import io.handshakematrix.model.Side;

/**
 * Why a handshake failed, in plain words: the side that refused ({@code null} when the harness, not a stack,
 * failed), the profile rule that refused it, that rule's source and the profile's own source and file.
 */
public record Explanation(Side side, String stack, String rule, String sentence, String ruleSource,
                          String profileSource, String profileFile) {
}
