package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.dh.DhGroupCatalog;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * A DH group is written into the product's container (or its local directory) once per run, under a file name.
 * Two user DH files whose names differ only by a character the old name mapping replaced ("odd name.pem" and
 * "odd_name.pem") became one file there: the second cell was served the first group and reported ok where a
 * fresh run of that cell says fail. The name must map one-to-one to the group's content.
 */
class DhFileNameTest {
    private static final DhGroup FFDHE2048 = DhGroupCatalog.builtin().resolve("2048", java.nio.file.Path.of("."));
    private static final DhGroup SMALL = DhGroupCatalog.builtin().resolve("1024", java.nio.file.Path.of("."));

    private static DhGroup named(String name, DhGroup like) {
        return new DhGroup(name, like.p(), like.g(), "test");
    }

    @Test
    void namesDifferingOnlyByASpecialCharacterGiveTwoFiles() {
        String a = ShimContainer.dhFileName(named("odd name.pem", FFDHE2048));
        String b = ShimContainer.dhFileName(named("odd_name.pem", SMALL));
        assertNotEquals(a, b, "two groups, one file in the container");
    }

    @Test
    void theSameNameWithAnotherGroupIsAnotherFile() {
        assertNotEquals(ShimContainer.dhFileName(named("x.pem", FFDHE2048)),
                ShimContainer.dhFileName(named("x.pem", SMALL)));
    }

    @Test
    void theSameGroupIsOneFileAndTheNameIsShellAndPathSafe() {
        String a = ShimContainer.dhFileName(named("a$(touch /tmp/x)`id`|;'\"\n/../b.pem", FFDHE2048));
        assertEquals(a, ShimContainer.dhFileName(named("other", FFDHE2048)));
        assertTrue(a.matches("dh-[0-9a-f]{16,}\\.pem"), a);
        assertNotEquals(a, ShimContainer.dhFileName(new DhGroup("z", FFDHE2048.p(), BigInteger.valueOf(5), "t")),
                "the generator is part of the content");
    }
}
