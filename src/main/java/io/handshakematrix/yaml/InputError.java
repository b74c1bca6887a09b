package io.handshakematrix.yaml;

/**
 * Bad user input (matrix, profile, config, PEM): one line naming file, line and what was expected.
 * The CLI maps it to exit code 2.
 */
public class InputError extends RuntimeException {
    private final String file;
    private final int line;

    public InputError(String file, int line, String message) {
        super(ValueText.message(message));
        this.file = file;
        this.line = line;
    }

    public String file() { return file; }

    public int line() { return line; }

    /** {@code file:line: message}, the format compilers use, so editors can jump to it. */
    public String oneLine() {
        return (line > 0 ? file + ":" + line : file) + ": " + getMessage();
    }

    @Override
    public String toString() { return oneLine(); }
}
