package io.handshakematrix.profile;

import java.util.List;

/**
 * One client check with its consequence. {@code alert} is the alert the stack sends, or null when
 * it closes the connection without one; {@code errorLines} are printed exactly as the stack does.
 */
public record DhCheck(CheckKind kind, CheckStage stage, Integer alert, List<String> errorLines, Integer bits,
                      String source) {
}
