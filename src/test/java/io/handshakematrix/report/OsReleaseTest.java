package io.handshakematrix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** OS releases come from the stack ids, so a new release's profile gets its row and column by itself. */
class OsReleaseTest {
    @Test
    void releasesModesAndPoliciesAreNamedAsTheProductsKbNamesThem() {
        assertEquals("RHEL 7.7", OsRelease.of("rhel-7.7").orElseThrow().label());
        assertEquals("RHEL 6.10 (FIPS mode)", OsRelease.of("rhel-6.10-fips").orElseThrow().label());
        assertEquals("RHEL 9 (LEGACY crypto policy)", OsRelease.of("rhel-9-legacy").orElseThrow().label());
        assertTrue(OsRelease.ORDER.compare(OsRelease.of("rhel-6.10").orElseThrow(), OsRelease.of("rhel-10").orElseThrow()) < 0);
    }

    @Test
    void harnessOnlyStacksAreNoOsRelease() {
        assertTrue(OsRelease.of("rhel-6-pre-logjam").isEmpty());
        assertTrue(OsRelease.of("jdk-17@jvm").isEmpty());
        assertTrue(OsRelease.of("rhel-7.7@container").isEmpty());
    }
}
