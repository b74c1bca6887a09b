package io.handshakematrix.model;

import java.util.Arrays;

/**
 * The closed outcome vocabulary, shared by matrix.yaml, code and reports (after OpenSSL ssl-tests'
 * ExpectedResult). {@code error} means the harness or its environment broke, never a stack.
 */
public enum Outcome {
    OK, FAIL, ERROR, TIMEOUT, SKIPPED;

    public String label() { return name().toLowerCase(); }

    public static Outcome parse(String s) {
        return Arrays.stream(values()).filter(o -> o.label().equals(s)).findFirst().orElse(null);
    }
}
