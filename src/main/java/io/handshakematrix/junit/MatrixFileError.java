package io.handshakematrix.junit;

/**
 * A matrix file that is missing or malformed, as the one line {@code file:line: what was expected}. It carries no
 * stack trace: JUnit prints it as the failed container's reason, and the line is all the user needs.
 */
public final class MatrixFileError extends RuntimeException {
    MatrixFileError(String oneLine) {
        super(oneLine, null, false, false);
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
