package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Globs without regular expressions: no user pattern can take exponential time. */
class GlobTest {
    @Test
    void starAndQuestionMarkMatchAsInAShell() {
        assertTrue(Glob.of("rhel-7*").matches("rhel-7.7"));
        assertTrue(Glob.of("rhel-7*").matches("rhel-7.7-fips"));
        assertTrue(Glob.of("*").matches(""));
        assertTrue(Glob.of("rhel-?.??").matches("rhel-6.10"));
        assertTrue(Glob.of("*fips").matches("rhel-7.7-fips"));
        assertTrue(Glob.of("r*l*7*").matches("rhel-7.7"));
        assertFalse(Glob.of("rhel-7?").matches("rhel-7.7"));
        assertFalse(Glob.of("rhel-6*").matches("rhel-7.7"));
        assertFalse(Glob.of("*fips").matches("rhel-7.7"));
        assertFalse(Glob.of("").matches("x"));
    }

    @Test
    void regexCharactersAreLiteral() {
        assertTrue(Glob.of("rhel-[7").matches("rhel-[7"));
        assertFalse(Glob.of("rhel-[7]").matches("rhel-7"));
        assertFalse(Glob.of("a|b").matches("a"));
        assertTrue(Glob.of("a|b").matches("a|b"));
        assertFalse(Glob.of("rhel-7.7").matches("rhel-7x7"));
        assertTrue(Glob.of("(.*)").matches("(.*)"));
    }

    /** A hang guard: as a backtracking regex this pattern took seconds to minutes per cell. */
    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void aPathologicalPatternEndsAtOnce() {
        String value = "e".repeat(5_000);
        for (int i = 0; i < 100; i++) {
            assertFalse(Glob.of("*e*e*e*e*e*e*e*e*e*e*X").matches(value));
        }
        assertTrue(Glob.of("*e*e*e*e*e*e*e*e*e*e*").matches(value));
    }
}
