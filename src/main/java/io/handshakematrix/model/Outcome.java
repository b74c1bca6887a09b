package io.handshakematrix.model;

import java.util.Arrays;

/**
 * The closed outcome vocabulary, shared by matrix.yaml, code and reports (after OpenSSL ssl-tests'
 * ExpectedResult). {@code error} means the harness or its environment broke, never a stack. {@code not-run}: the
 * run was cut short (its run timeout passed) before the cell started; no verdict, no finding, and never an
 * expectation a matrix can state.
 */
public enum Outcome {
    OK, FAIL, ERROR, TIMEOUT, SKIPPED, NOT_RUN;

    public String label() { return name().toLowerCase().replace('_', '-'); }

    public static Outcome parse(String s) {
        return Arrays.stream(values()).filter(o -> o.label().equals(s)).findFirst().orElse(null);
    }
}
