package io.handshakematrix.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileCatalogTest {
    @TempDir
    Path dir;

    @Test
    void shipsTheRhelProfiles() {
        // Other stacks (the container tier's twins) ship beside them; 8.10, 9.4 and 10.0 run under crypto policies;
        // rhel-7.7-sha1-sigalgs is 7.7 under an application that signs with SHA-1 (the receiver of matrix-upgrade-sha1).
        assertEquals(List.of("rhel-10.0", "rhel-6-pre-logjam", "rhel-6.10", "rhel-6.10-fips", "rhel-7.7", "rhel-7.7-fips",
                        "rhel-7.7-sha1-sigalgs", "rhel-8.10", "rhel-9.4"),
                ProfileCatalog.builtin().ids().stream().filter(id -> id.startsWith("rhel-")).toList());
    }

    @Test
    void rhel77ChecksRunInUpstreamOrder() {
        StackProfile p = ProfileCatalog.builtin().get("rhel-7.7");
        assertEquals(List.of(CheckKind.YS_NONZERO, CheckKind.P_ODD, CheckKind.G_ABOVE_1, CheckKind.G_BELOW_P_MINUS_1,
                CheckKind.MIN_BITS, CheckKind.MAX_BITS, CheckKind.YS_IN_RANGE), p.client().checks().stream().map(DhCheck::kind).toList());
        assertEquals(1024, p.client().effectiveMinBits(0));
        assertEquals(512, p.client().effectiveMinBits(512));
        assertEquals(1024, p.client().effectiveMinBits(256)); // below the floor: ignored
    }

    /** A bundled-library profile is plain data: here one that prints 'bad dh g value' but sends alert 40. */
    @Test
    void userDirectoryAddsABundledLibraryProfile() throws IOException {
        String bundled = Files.readString(Path.of("src/main/resources/profiles/rhel-7.7.yaml"))
                .replace("id: rhel-7.7", "id: mft-bundled")
                .replaceFirst("(?s)(check: g_above_1\\s+stage: server_key_exchange\\s+alert: )decode_error", "$1handshake_failure");
        Files.writeString(dir.resolve("mft-bundled.yaml"), bundled);
        ProfileCatalog c = ProfileCatalog.withDirectory(dir);
        DhCheck g = c.get("mft-bundled").client().checks().get(2);
        assertEquals(CheckKind.G_ABOVE_1, g.kind());
        assertEquals(40, g.alert());
    }

    @Test
    void factWithoutSourceIsRejected() throws IOException {
        String text = Files.readString(Path.of("src/main/resources/profiles/rhel-7.7.yaml"))
                .replace("  dh_min_bits_source: \"Red Hat patch in openssl-1.0.2k-19.el7 (same 1024-bit minimum as RHEL 6.10)\"\n", "");
        Files.writeString(dir.resolve("rhel-7.7.yaml"), text);
        InputError e = assertThrows(InputError.class, () -> ProfileCatalog.withDirectory(dir));
        assertTrue(e.oneLine().endsWith("rhel-7.7.yaml:16: client.dh_min_bits needs client.dh_min_bits_source (where the fact comes from)"),
                e.oneLine());
    }

    @Test
    void checksOutOfStageOrderAreRejected() throws IOException {
        String text = Files.readString(Path.of("src/main/resources/profiles/rhel-6.10.yaml"));
        String swapped = text.replace("stage: after_server_key_exchange", "stage: TMP")
                .replace("stage: client_key_exchange", "stage: after_server_key_exchange")
                .replace("stage: TMP", "stage: client_key_exchange");
        Files.writeString(dir.resolve("rhel-6.10.yaml"), swapped);
        InputError e = assertThrows(InputError.class, () -> ProfileCatalog.withDirectory(dir));
        assertTrue(e.getMessage().contains("list checks in the order the stack runs them"), e.getMessage());
    }
}
