package io.handshakematrix.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.handshakematrix.yaml.InputError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two user profiles with one id are refused (which would win?); replacing a shipped profile stays allowed. */
class DuplicateProfileIdTest {
    @TempDir
    Path dir;

    @Test
    void twoUserFilesWithOneIdAreRefusedNamingBoth() throws Exception {
        Path shipped = Path.of("src/main/resources/profiles/rhel-7.7.yaml");
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        Files.copy(shipped, a.resolve("rhel-7.7.yaml"));
        Files.copy(shipped, b.resolve("rhel-7.7.yaml"));
        ProfileCatalog c = ProfileCatalog.withDirectory(a); // replaces the shipped rhel-7.7: allowed
        assertEquals(a.resolve("rhel-7.7.yaml").toString(), c.get("rhel-7.7").origin());
        c.addDirectory(a); // the same file again (matrix profiles: and --profiles naming one folder): allowed
        InputError e = assertThrows(InputError.class, () -> c.addDirectory(b));
        assertEquals(b.resolve("rhel-7.7.yaml") + ":1: id 'rhel-7.7' is also the id of " + a.resolve("rhel-7.7.yaml")
                + "; expected each profile id once", e.oneLine());
    }
}
