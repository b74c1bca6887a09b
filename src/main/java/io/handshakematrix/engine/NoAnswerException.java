package io.handshakematrix.engine;

/**
 * A side's stack gave no answer at all within its deadline: its process hangs (stopped, blocked before it
 * could report), so there is no report to classify. The runner makes the cell a {@code timeout} with this
 * message, which names the side and the wait: a timeout (a side waited past its deadline), not an
 * {@code error} (the harness broke: a process that died or answered garbage) and never a verdict about the
 * stacks. Unchecked, because {@link Engine#connect} and {@link RunningReceiver#await} return reports.
 */
public final class NoAnswerException extends RuntimeException {
    public NoAnswerException(String message) {
        super(message);
    }
}
