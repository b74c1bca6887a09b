package io.handshakematrix.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.dh.DhGroupCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * configssl.cnf names match without regard to case on both sides: a product profile that spells its
 * keys and values in lower or mixed case must not blame a valid config written in upper case.
 */
class ConfigCaseTest {
    @TempDir
    Path dir;

    @Test
    void aMixedCaseProductProfileAcceptsAnUpperCaseConfig() throws Exception {
        String shipped = Files.readString(Path.of("src/main/resources/products/file-transfer.yaml"));
        Path product = dir.resolve("product.yaml");
        Files.writeString(product, shipped.replace("\"YES\":", "\"yes\":").replace("\"NO\":", "\"no\":")
                .replace("default: \"NO\"", "default: \"no\"").replace("DH_1024_RECEIVE_SIDE:", "dh_1024_Receive_Side:"));
        Files.copy(Path.of("examples/dh1024.pem"), dir.resolve("dh1024.pem"));
        Path cnf = dir.resolve("configssl.cnf");
        Files.writeString(cnf, "[RSAKEY]\nRECEIVE_SIDE = NO\n[DH]\nDH_1024_RECEIVE_SIDE = dh1024.pem\n");
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        ConfigSsl c = new ConfigSslReader(ProductProfiles.load(product, groups), groups).read(cnf);
        assertEquals("no", c.receiveSide());
        assertEquals(1024, c.dhTables().get("dh_1024_Receive_Side").bits());
    }
}
