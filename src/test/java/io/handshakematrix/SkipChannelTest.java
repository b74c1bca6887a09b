package io.handshakematrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every test skip goes through {@link TestEnvironment}: a missing tool skips on a developer's machine and fails in
 * CI, and only a skip the test data declares is a skip everywhere. A direct JUnit assumption or a disabling
 * annotation elsewhere would let CI pass a test that never ran.
 */
class SkipChannelTest {
    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern SKIP = Pattern.compile(
            "\\bAssumptions\\b|\\bassume(True|False|That)\\b|\\bassumingThat\\b|TestAbortedException"
                    + "|@(Disabled|Enabled)\\w*\\b");

    @Test
    void noTestSkipsButThroughTestEnvironment() throws IOException {
        Path channel = TESTS.resolve("io/handshakematrix/TestEnvironment.java");
        Path self = TESTS.resolve("io/handshakematrix/SkipChannelTest.java");
        List<String> direct = SourceLines.matching(TESTS, SKIP, f -> f.equals(channel) || f.equals(self));
        assertEquals("", String.join("\n", direct), "skips that bypass TestEnvironment");
    }

    @Test
    void thePatternSeesEachWayToSkip() {
        for (String s : List.of("Assumptions.abort(\"x\");", "assumeTrue(ok);", "@Disabled(\"later\")",
                "@EnabledOnOs(OS.LINUX)", "throw new TestAbortedException();")) {
            assertTrue(SKIP.matcher(s).find(), s);
        }
    }
}
