package io.handshakematrix.plan;

import io.handshakematrix.diagnose.FixAttempt;

/**
 * One verified change for a failing link, as the plan ranks it: the fix finder's attempt (what to set where,
 * the changed cell and its real handshake), what it costs ({@code null}: nothing), and whether DHE stays.
 */
public record FixOption(FixAttempt attempt, String cost, boolean keepsDhe) {
}
