package io.handshakematrix;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need something outside the JVM (openssl, Docker, Chromium, a second JDK): on a developer
 * machine without it they are skipped with the reason; in CI ({@code CI=true}), where .ci/run installs all
 * of it, a missing piece is a failure, so such a test can never pass there without having run.
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
}
