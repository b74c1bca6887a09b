package io.handshakematrix.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of inventory mistake is one line naming fleet.yaml and the line of the mistake. */
class FleetReaderTest {
    private static final List<String> ENGINES = List.of("emulated", "container", "jvm");
    private static final String CNF = "[RSAKEY]\nRECEIVE_SIDE = NO\n";

    @TempDir
    Path dir;

    @BeforeEach
    void config() throws IOException {
        Files.writeString(dir.resolve("r.cnf"), CNF);
        Files.writeString(dir.resolve("yes.cnf"), "[RSAKEY]\nRECEIVE_SIDE = YES\n");
    }

    /** A valid fleet with one line replaced or appended, so each test names the line it breaks. */
    private static String fleet(String hosts, String rest) {
        return "hosts:\n" + hosts + "groups:\n  senders: [s1, s2]\n" + rest;
    }

    private static final String HOSTS = """
              s1: {stack: rhel-6.10}
              s2: {stack: rhel-6.10}
              r1: {stack: rhel-6.10, config: r.cnf}
            """;

    private InputError error(String text) throws IOException {
        Path f = dir.resolve("fleet.yaml");
        Files.writeString(f, text);
        return assertThrows(InputError.class, () -> new FleetReader(ENGINES).read(f));
    }

    private void assertLine(InputError e, int line, String expected) {
        assertEquals(dir.resolve("fleet.yaml") + ":" + line, e.file() + ":" + e.line(), e.oneLine());
        assertTrue(e.getMessage().contains(expected), e.oneLine());
    }

    @Test
    void validFleetExpandsGroupsAndAppliesChanges() throws IOException {
        Path f = dir.resolve("fleet.yaml");
        Files.writeString(f, """
                hosts:
                  s1: {stack: rhel-6.10, legacy_settings: {MinimumDHBits: 512}}
                  s2: {stack: rhel-6.10, config: r.cnf}
                  r1: {stack: rhel-6.10, config: r.cnf}
                groups:
                  pair: [s2, r1]
                links:
                  - {from: s1, to: pair}
                  - {all_to_all: pair}
                changes:
                  - {hosts: pair, stack: rhel-7.7}
                  - {hosts: r1, config: yes.cnf}
                """);
        Fleet fleet = new FleetReader(ENGINES).read(f);
        assertEquals(List.of("s1 -> s2", "s1 -> r1", "s2 -> r1", "r1 -> s2"), fleet.links().stream().map(Link::name).toList());
        assertEquals(List.of(8, 8, 9, 9), fleet.links().stream().map(Link::line).toList());
        assertEquals(512, fleet.hosts().get("s1").minDhBits());
        assertEquals("rhel-6.10", fleet.hosts().get("r1").stack());
        assertEquals("rhel-7.7", fleet.after().get("r1").stack());
        assertEquals("YES", fleet.after().get("r1").receiver().receiveSide());
        assertEquals("NO", fleet.after().get("s2").receiver().receiveSide());
    }

    @Test
    void anEntryThatAddsNoLink() throws IOException {
        assertLine(error(fleet(HOSTS, "links:\n  - {from: senders, to: r1}\n  - {from: s1, to: r1}\n")), 9, "adds no link");
    }

    @Test
    void unknownStack() throws IOException {
        assertLine(error(fleet("  s1: {stack: rhel-6.11}\n", "links: []\n")), 2, "unknown stack 'rhel-6.11'");
    }

    @Test
    void unknownHostInGroup() throws IOException {
        assertLine(error("hosts:\n  s1: {stack: rhel-6.10}\ngroups:\n  g:\n    - s1\n    - nobody\nlinks: []\n"), 6,
                "unknown host 'nobody'");
    }

    @Test
    void unknownHostInLink() throws IOException {
        assertLine(error(fleet(HOSTS, "links:\n  - {from: s1, to: r1}\n  - {from: s3, to: r1}\n")), 9,
                "unknown host or group 's3'");
    }

    @Test
    void linkToItself() throws IOException {
        assertLine(error(fleet(HOSTS, "links:\n  - {from: r1, to: r1}\n")), 8, "to itself");
    }

    @Test
    void receiverWithoutConfig() throws IOException {
        assertLine(error(fleet(HOSTS, "links:\n  - {from: r1, to: s1}\n")), 8, "host 's1' receives on link r1 -> s1 but has no config:");
    }

    @Test
    void missingConfigFile() throws IOException {
        assertLine(error(fleet("  s1: {stack: rhel-6.10}\n  s2: {stack: rhel-6.10}\n  r1: {stack: rhel-6.10, config: nope.cnf}\n",
                "links: []\n")), 4, "file 'nope.cnf' not found");
    }

    @Test
    void changeThatChangesNothing() throws IOException {
        assertLine(error(fleet(HOSTS, "links:\n  - {from: senders, to: r1}\nchanges:\n  - {hosts: r1, stack: rhel-7.7}\n"
                + "  - {hosts: senders, stack: rhel-6.10}\n")), 11, "changes nothing");
    }

    @Test
    void configChangeThatServesTheSame() throws IOException {
        Files.writeString(dir.resolve("same.cnf"), "# same settings, other file\n" + CNF);
        assertLine(error(fleet(HOSTS, "links:\n  - {from: senders, to: r1}\nchanges:\n  - {hosts: r1, config: same.cnf}\n")),
                10, "changes nothing");
    }

    @Test
    void unknownChangeTarget() throws IOException {
        assertLine(error(fleet(HOSTS, "links:\n  - {from: senders, to: r1}\nchanges:\n  - hosts: webfarm\n    stack: rhel-7.7\n")),
                10, "unknown host or group 'webfarm'");
    }

    @Test
    void changeWithTwoKinds() throws IOException {
        assertLine(error(fleet(HOSTS, "links:\n  - {from: senders, to: r1}\nchanges:\n  - {hosts: r1, stack: rhel-7.7, config: yes.cnf}\n")),
                10, "expected exactly one of config, legacy_settings, stack");
    }

    @Test
    void legacySettingsOutOfRange() throws IOException {
        assertLine(error(fleet("  s1: {stack: rhel-6.10, legacy_settings: {MinimumDHBits: 256}}\n", "links: []\n")), 2,
                "expected an integer from 512 to 10000");
    }

    @Test
    void legacySettingsOnAStackWithout() throws IOException {
        assertLine(error(fleet("  s1: {stack: openssl-3.0, legacy_settings: {MinimumDHBits: 512}}\n", "links: []\n")), 2,
                "has no legacy-settings override");
    }

    @Test
    void groupNamedLikeAHost() throws IOException {
        assertLine(error("hosts:\n  s1: {stack: rhel-6.10}\ngroups:\n  s1: [s1]\nlinks: []\n"), 4, "already a host's name");
    }

    @Test
    void unknownKey() throws IOException {
        assertLine(error(fleet("  s1: {stack: rhel-6.10, role: sender}\n", "links: []\n")), 2, "unknown key 'role'");
    }

    @Test
    void noLinks() throws IOException {
        assertLine(error(fleet(HOSTS, "links: []\n")), 7, "expected at least one link");
    }

    @Test
    void commandLineChanges() throws IOException {
        Path f = dir.resolve("fleet.yaml");
        Files.writeString(f, fleet(HOSTS, "links:\n  - {from: senders, to: r1}\n"));
        FleetReader reader = new FleetReader(ENGINES);
        Fleet fleet = reader.read(f);
        assertEquals("--change: expected HOST=STACK, GROUP=STACK or HOST=config:FILE, found 'senders'",
                assertThrows(InputError.class, () -> reader.withCommandLineChanges(fleet, List.of("senders"))).oneLine());
        assertTrue(assertThrows(InputError.class, () -> reader.withCommandLineChanges(fleet, List.of("s9=rhel-7.7")))
                .oneLine().startsWith("--change: unknown host or group 's9'"));
        assertTrue(assertThrows(InputError.class, () -> reader.withCommandLineChanges(fleet, List.of("senders=rhel-6.10")))
                .oneLine().contains("changes nothing"));
        assertEquals("rhel-7.7", reader.withCommandLineChanges(fleet, List.of("senders=rhel-7.7")).after().get("s2").stack());
    }
}
