package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan as a change-approval gate, on the support case's fleet: real handshakes, exit codes 0/1/2/3. */
class PlanCommandTest {
    @TempDir
    Path out;

    @Test
    void theSupportCaseBreaksSixLinksAndBothFixesOfTheArticleAreVerified() throws IOException {
        CliRun r = CliRun.of("plan", "--fleet", "examples/fleet.yaml", "--out", out.toString());
        assertEquals(1, r.code(), r.all());
        String o = r.out();
        assertTrue(o.contains("10 links: 6 break, 0 start to work, 1 stay broken, 3 keep working"), o);
        assertTrue(o.contains("sender-1 -> receiver-1, sender-1 -> receiver-2, sender-2 -> receiver-1"), o);
        assertTrue(o.contains("before: ok TLSv1.2 DHE-RSA-AES256-SHA DH 256"), o);
        assertTrue(o.contains("after:  fail sender: bad dh g value (alert 40)"), o);
        assertTrue(o.contains("[ok]   set [DH] DH_1024_RECEIVE_SIDE = dh1024.pem"), o);
        assertTrue(o.contains("[ok]   set [RSAKEY] RECEIVE_SIDE = YES"), o);
        // The article's DH_1024 fix is verified and listed; the fleet-wide choice is the 2048 table, which the
        // product's current peers (OpenSSL 3.0/1.1.1 clients refuse 1024) accept too (the ranking by peers).
        assertTrue(o.contains("1. receiver-1: set [DH] DH_2048_RECEIVE_SIDE = dh2048.pem"), o);
        assertTrue(o.contains("receiver-1: set [DH] DH_1024_RECEIVE_SIDE = dh1024.pem (configssl.cnf of receiver-1: "
                + "examples/configssl.cnf): fixes 4 links"), o);
        assertTrue(o.contains("receiver-2: set [RSAKEY] RECEIVE_SIDE = YES (configssl.cnf of receiver-2: examples/configssl.cnf): "
                + "fixes 3 links (3 links through that file re-run with it: 3 fixed, 0 broken, 0 still failing); 4 of 6 "
                + "current peers accept; cost: gives up forward secrecy"), o);
        // the counts diagnose prints for the same changes (one counting, one ranking)
        assertTrue(o.contains("1. receiver-1: set [DH] DH_2048_RECEIVE_SIDE = dh2048.pem (configssl.cnf of receiver-1: "
                + "examples/configssl.cnf): fixes 4 links (4 links through that file re-run with it: 4 fixed, 0 broken, 0 "
                + "still failing); 6 of 6 current peers accept; no cost"), o);
        assertTrue(o.contains("3 of 6 current peers accept; cost: refused by bc-fips-approved, openssl-1.1.1, openssl-3.0"),
                o);
        assertTrue(o.contains("10 of 10 links work"), o);
        assertTrue(o.contains("Gate: fail, 6 links break."), o);
        assertTrue(r.err().contains("plan: before and after the planned changes"), r.err());

        JsonNode json = new ObjectMapper().readTree(out.resolve("plan.json").toFile());
        assertEquals("fail", json.get("gate").asText());
        assertEquals(6, json.get("counts").get("breaks").asInt());
        assertEquals(2, json.get("fleetFix").size());
        String html = Files.readString(out.resolve("plan.html"));
        assertTrue(html.contains("data-link=\"sender-1 -&gt; receiver-1\" data-category=\"breaks\""), html);
        String md = Files.readString(out.resolve("plan.md"));
        assertTrue(md.contains("| sender-1 | ✔ OK → ✖ FAIL sender: bad dh g value, alert 40 |"), md);
    }

    @Test
    void aChangeThatBreaksNothingPassesTheGate() {
        CliRun r = CliRun.of("plan", "--fleet", "examples/fleet.yaml", "--out", out.toString(),
                "--change", "receiver-1=config:examples/configssl-fixed.cnf");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("1 start to work"), r.out());
        assertTrue(r.out().contains("Gate: pass, no link breaks."), r.out());
    }

    @Test
    void badInputIsOneLineAndExit2() throws IOException {
        Path f = out.resolve("fleet.yaml");
        Files.writeString(f, "hosts:\n  a: {stack: rhel-6.11}\nlinks: []\n");
        CliRun r = CliRun.of("plan", "--fleet", f.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().startsWith(f + ":2: hosts.a.stack: unknown stack 'rhel-6.11'"), r.err());
        assertEquals(2, CliRun.of("plan", "--fleet", "examples/fleet.yaml", "--change", "nobody=rhel-7.7").code());
    }

    /** An empty profiles: is refused as such, not read as the fleet file's own folder (whose files it would blame). */
    @Test
    void anEmptyProfilesDirectoryIsRefusedNamingTheFleetFile() throws IOException {
        Path f = out.resolve("fleet.yaml");
        Files.writeString(f, "protocol: TLSv1.2\nprofiles: \"\"\nhosts:\n  a: {stack: rhel-6.10}\nlinks: []\n");
        Files.writeString(out.resolve("not-a-profile.yaml"), "this: is not a stack profile\n");
        CliRun r = CliRun.of("plan", "--fleet", f.toString(), "--out", out.resolve("out").toString());
        assertEquals(2, r.code(), r.all());
        assertEquals(f + ":2: profiles: empty; expected a directory of stack profile *.yaml files, relative to "
                + "fleet.yaml", r.err().strip());
    }

    @Test
    void aLinkWithoutVerdictIsExit3() throws IOException {
        Path f = out.resolve("fleet.yaml");
        Files.writeString(f, "protocol: TLSv1.3\nhosts:\n  a: {stack: rhel-6.10}\n  b: {stack: rhel-6.10, config: "
                + Path.of("examples/configssl.cnf").toAbsolutePath() + "}\nlinks: [{from: a, to: b}]\n"
                + "changes: [{hosts: a, stack: rhel-7.7}]\n");
        // the config lies outside the fleet's folder: allowed here on purpose
        CliRun r = CliRun.of("plan", "--fleet", f.toString(), "--out", out.toString(), "--allow-outside");
        assertEquals(3, r.code(), r.all());
        assertTrue(r.err().contains("gave no verdict"), r.err());
        assertTrue(r.err().contains("does not offer TLSv1.3"), r.err());
    }
}
