package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** include: stays inside the matrix's folder unless allowed, and an outside file is never read. */
class IncludeResolverTest {
    private static final String PART = """
            product:
              receive_side: {"NO": [DHE-RSA-AES256-SHA]}
            axes:
              senders: [rhel-7.7]
              receivers: [rhel-6.10]
              receive_side: ["NO"]
              dh: ["1024"]
            """;
    @TempDir
    Path dir;

    private MatrixLoader loader() {
        return new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin());
    }

    @Test
    void anIncludeOutsideTheFolderIsRefusedUnlessAllowedAndItsContentIsNeverShown() throws Exception {
        Path outside = dir.resolve("outside.yaml");
        Files.writeString(outside, "secret: hunter2\n");
        Path inner = Files.createDirectories(dir.resolve("m"));
        Path m = inner.resolve("matrix.yaml");
        Files.writeString(m, PART + "include: [../outside.yaml]\n");
        InputError e = assertThrows(InputError.class, () -> loader().load(m));
        assertEquals(m + ":8: include[0]: '../outside.yaml' is outside the matrix's folder " + inner.toRealPath()
                + "; expected a matrix file under it (or run with --allow-outside)", e.oneLine());
        InputError allowed = assertThrows(InputError.class, () -> loader().allowingIncludesOutside(true).load(m));
        assertTrue(allowed.oneLine().startsWith(m.getParent().resolve("../outside.yaml") + ":1: unknown key 'secret'"),
                allowed.oneLine());
        assertFalse(e.oneLine().contains("hunter2") || allowed.oneLine().contains("hunter2"));

        Files.writeString(outside, PART);
        assertEquals(2, loader().allowingIncludesOutside(true).load(m).parts().size());
    }
}
