package io.handshakematrix;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The one way a test skips (SkipChannelTest keeps it so). Tests that need something outside the JVM (openssl,
 * Docker, an image, Chromium, a second JDK) call {@link #require}: on a developer machine without it they are
 * skipped with the reason; in CI ({@code CI=true}), where .ci/run installs all of it, a missing piece is a failure,
 * so such a test can never pass there without having run. A skip the test data declares (a cell the matrix expects
 * a stack to skip, or disables, with the reason) is {@link #skipAsDeclared}: the same on every machine.
 */
public final class TestEnvironment {
    private TestEnvironment() {}

    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static void require(boolean present, Supplier<String> what) {
        if (present) {
            return;
        }
        if (inCi()) {
            fail(what.get() + ": CI must run this test; .ci/run installs and starts it");
        }
        Assumptions.abort(what.get());
    }

    /** Skips a test its data declares skipped (matrix.yaml's expected skip or disabled cell), with that reason. */
    public static void skipAsDeclared(String reason) {
        Assumptions.abort(reason);
    }

    /**
     * Skips a test whose input can only come from a container registry, on a machine that has none (this workplace,
     * its CI included: the harness never pulls, and .ci/run cannot install a registry). Where the input is present
     * the test runs; a missing tool that .ci/run does install goes through {@link #require} instead.
     */
    public static void requireRegistryImage(boolean present, Supplier<String> what) {
        if (!present) {
            Assumptions.abort(what.get());
        }
    }
}
