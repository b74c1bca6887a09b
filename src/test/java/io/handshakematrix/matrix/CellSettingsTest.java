package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.model.Cell;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.runner.CellSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellSettingsTest {
    private static final ProductSettings PRODUCT = new ProductSettings("p",
            Map.of("YES", List.of("AES256-SHA"), "NO", List.of("DHE-RSA-AES256-SHA")));
    private final ProfileCatalog profiles = ProfileCatalog.builtin();

    @Test
    void everyAxisReachesItsSpec() {
        StackProfile s = profiles.get("rhel-7.7");
        StackProfile r = profiles.get("rhel-6.10");
        CellSpecs p = CellSpecs.of(new Cell("rhel-7.7", "rhel-6.10", "NO", "768", "TLSv1.1", 512), s, r,
                PRODUCT, DhGroupCatalog.builtin(), null, Duration.ofSeconds(3));
        assertEquals(List.of("DHE-RSA-AES256-SHA"), p.receiver().cipherSuites());
        assertEquals(768, p.receiver().dhGroup().bits());
        assertEquals("TLSv1.1", p.sender().maxProtocol());
        assertEquals(512, p.sender().minDhBitsOverride());
    }

    @Test
    void defaultIsTheReceiversOwnGroupAndAbsentAxesTakeTheirNeutralValue() {
        StackProfile r = profiles.get("rhel-7.7");
        Cell c = new Cell("rhel-7.7", "rhel-7.7", Map.of(Cell.RECEIVE_SIDE, "NO", Cell.DH, "default"));
        CellSpecs p = CellSpecs.of(c, r, r, PRODUCT, DhGroupCatalog.builtin(), null, Duration.ofSeconds(3));
        assertEquals(r.server().defaultDhGroup(), p.receiver().dhGroup().name());
        assertEquals("TLSv1.2", p.sender().maxProtocol());
        assertEquals(0, p.sender().minDhBitsOverride());
    }

    @Test
    void anAxisBeyondTheFourKeepsTheOldKeyAndNameAndAddsItself() {
        Cell c = new Cell("a", "b", "NO", "256", "TLSv1.2", 0);
        assertEquals("a|b|NO|256|TLSv1.2|0", c.key());
        assertEquals("a -> b | RECEIVE_SIDE=NO | DH 256 | TLSv1.2", c.displayName());
        Cell more = c.with("certificate", "ecdsa").with(Cell.SENDER_MIN_DH_BITS, "512");
        assertEquals("a|b|NO|256|TLSv1.2|512|certificate=ecdsa", more.key());
        assertEquals("a -> b | RECEIVE_SIDE=NO | DH 256 | TLSv1.2 | MinimumDHBits 512 | certificate ecdsa",
                more.displayName());
    }

    @TempDir
    Path dir;

    @Test
    void declaringTheCertificateAxisAtItsNeutralValueChangesNoCellAndRulesCanNameIt() throws IOException {
        String m = """
                product: file-transfer
                axes: {senders: [rhel-7.7], receivers: [rhel-6.10], receive_side: ["YES", "NO"], dh: ["1024"]%s}
                expect:
                  - {why: "both work", when: {certificate: rsa}, outcome: ok}
                """;
        Files.writeString(dir.resolve("a.yaml"), m.formatted(""));
        Files.writeString(dir.resolve("b.yaml"), m.formatted(", certificate: [rsa]"));
        MatrixLoader loader = new MatrixLoader(profiles, DhGroupCatalog.builtin());
        Matrix a = loader.load(dir.resolve("a.yaml"));
        Matrix b = loader.load(dir.resolve("b.yaml"));
        assertEquals(a.cells(), b.cells());
        assertEquals("rhel-7.7|rhel-6.10|YES|1024|TLSv1.2|0", b.cells().get(0).key());
        b.cells().forEach(c -> assertEquals(true, b.crosses(c) && b.expectationFor(c).isPresent(), c.key()));
    }
}
