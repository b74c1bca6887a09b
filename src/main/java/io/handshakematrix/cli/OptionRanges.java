package io.handshakematrix.cli;

import io.handshakematrix.yaml.InputError;
import java.util.List;

/**
 * Range checks for numeric options, done first thing in a command, before any file is read or cell is run:
 * {@code --jobs 0} or {@code bench --cells -5} must be one line and exit 2 at once, not a hang or a failure after
 * 45 s. One wording for every command: {@code --jobs: expected 1 to 256, found 0}.
 */
final class OptionRanges {
    private OptionRanges() {}

    static void check(String option, long value, long min, long max) {
        check(option, value, min, max, "");
    }

    /** {@code unit}: " seconds", " cells", ... (with its leading space), or "". */
    static void check(String option, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new InputError(option, 0, "expected " + min + " to " + max + unit + ", found " + value);
        }
    }

    /** A comma-separated list such as {@code --sender a,b}: no empty names ({@code ',,,'}), at least one. */
    static void names(String option, List<String> values) {
        if (values == null || values.isEmpty() || values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new InputError(option, 0, "expected one or more stack names separated by commas, found '"
                    + (values == null ? "" : String.join(",", values)) + "'");
        }
    }
}
