package io.handshakematrix.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.YamlFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The product profile's support keys: current peers, the RSA advice, log prefixes (data, checked when read). */
class ProductSupportTest {
    private static final String LINE = "error:14094410:SSL routines:SSL3_READ_BYTES:sslv3 alert handshake failure:"
            + "s3_pkt.c:1275:SSL alert number 40";

    @Test
    void theShippedProductUnwrapsTheSupportCasesLineAndNamesItsCurrentPeers() {
        ProductSupport s = ProductProfiles.builtin().support();
        assertEquals(Optional.of(LINE), s.unwrap("XCOMU0780E Txpi 308: TxpiInitSSL Failed msg = <" + LINE + ">"));
        assertEquals(Optional.of(LINE), s.unwrap("2026-11-30 03:12:09 XCOMU0781E  Txpi 309: TxpiInitSSL Failed msg = <" + LINE));
        assertEquals(Optional.empty(), s.unwrap(LINE));
        assertTrue(s.currentPeers().contains("openssl-3.0"), s.currentPeers().toString());
        assertTrue(s.rsaAdvice().contains("more secure"), s.rsaAdvice());
    }

    @Test
    void everyCurrentPeerIsAShippedProfile() {
        var profiles = io.handshakematrix.profile.ProfileCatalog.withDirectory(null);
        for (String p : ProductProfiles.builtin().support().currentPeers()) {
            assertTrue(profiles.find(p).isPresent(), p);
        }
    }

    @Test
    void aPrefixWithoutTheLineGroupIsOneLineWithItsPlace() throws Exception {
        String yaml = Files.readString(Path.of("src/main/resources/products/file-transfer.yaml"))
                .replace("(?<line>.*?)", "(.*?)");
        InputError e = assertThrows(InputError.class, () -> ProductProfiles.read(YamlFiles.read("p.yaml",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))), DhGroupCatalog.builtin()));
        assertTrue(e.oneLine().matches("p\\.yaml:\\d+: .*expected a named group \\(\\?<line>\\.\\.\\.\\) for the library's line"),
                e.oneLine());
    }
}
