package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.yaml.InputError;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The product declared in data: its templates and verdict patterns, and one line of bad input for each mistake. */
class ProductStackTest {
    private static final Path BAD = Path.of("src/test/resources/bad-input/product");

    @Test
    void anUnknownPlaceholderIsBadInputNamingItsLine() {
        InputError e = assertThrows(InputError.class, () -> ProductStack.read(BAD.resolve("unknown-placeholder.yaml")));
        assertEquals("src/test/resources/bad-input/product/unknown-placeholder.yaml:4: unknown placeholder {prot} in "
                + "sender.command; expected one of {cafile}, {certfile}, {dh}, {host}, {keyfile}, {port}, {protocol}, "
                + "{suites}, {timeout_s}", e.oneLine());
    }

    @Test
    void aPatternThatDoesNotCompileIsBadInputNamingItsLine() {
        InputError e = assertThrows(InputError.class, () -> ProductStack.read(BAD.resolve("bad-pattern.yaml")));
        assertTrue(e.oneLine().startsWith("src/test/resources/bad-input/product/bad-pattern.yaml:8: pattern does not "
                + "compile: Unclosed character class"), e.oneLine());
    }

    @Test
    void theExampleProductFillsItsTemplateAndReadsItsOwnErrorLines() {
        ProductStack p = ProductStack.read(Path.of("examples/product/our-client.yaml"));
        ProductStack.Command cmd = p.command("sender", Map.of("host", "127.0.0.1", "port", "4433", "timeout_s", "10",
                "cafile", "/tmp/hm/cert.pem"));
        assertTrue(cmd.script().contains("timeout \"${1}\" openssl s_client -connect \"${2}\":\"${3}\""), cmd::toString);
        assertEquals(List.of("10", "127.0.0.1", "4433", "/tmp/hm/cert.pem"), cmd.args());
        ProductStack.Reading failed = p.read(1, List.of("CONNECTED(00000003)",
                "40C7A1F4:error:0A00018A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2092:"));
        assertFalse(failed.completed());
        assertEquals(List.of("error:0A00018A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2092:"),
                failed.errors());
        assertTrue(p.read(0, List.of("    Cipher    : DHE-RSA-AES256-SHA")).completed());
        assertTrue(p.read(127, List.of("sh: 1: openssl: command not found")).broken());
    }

    @Test
    void theExampleServerPassesItsDhFileOnlyWhenItHasOneAndReadsItsRefusal() {
        ProductStack p = ProductStack.read(Path.of("examples/product/our-server.yaml"));
        assertEquals("^ACCEPT$", p.roles().get("receiver").ready().pattern());
        Map<String, String> rsa = Map.of("host", "127.0.0.1", "port", "4433", "suites", "AES256-SHA", "dh", "",
                "certfile", "/hm/cert.pem", "keyfile", "/hm/key.pem");
        ProductStack.Command cmd = p.command("receiver", rsa);
        assertTrue(cmd.script().startsWith("dh=\"${1}\"; exec openssl s_server -accept \"${2}\":\"${3}\" "), cmd::toString);
        assertTrue(cmd.script().contains("-cipher \"${6}\"@SECLEVEL=1 ${dh:+-dhparam \"$dh\"}"), cmd::toString);
        assertEquals(List.of("", "127.0.0.1", "4433", "/hm/cert.pem", "/hm/key.pem", "AES256-SHA"), cmd.args());
        // s_server exits 0 after a failed handshake: its error line, not the exit code, says so
        ProductStack.Reading refused = p.read(0, List.of("ACCEPT", "CONNECTION FAILURE",
                "80DB487E9B7F0000:error:0A000076:SSL routines:tls_choose_sigalg:no suitable signature algorithm:../ssl/t1_lib.c:3353:"));
        assertFalse(refused.completed());
        assertEquals(List.of("error:0A000076:SSL routines:tls_choose_sigalg:no suitable signature algorithm:../ssl/t1_lib.c:3353:"),
                refused.errors());
        assertTrue(p.read(0, List.of("ACCEPT", "CONNECTION ESTABLISHED", "Ciphersuite: AES256-SHA")).completed());
    }

    /** Values reach the product's command as positional parameters: the shell never parses one, whatever it holds. */
    @Test
    void noValueIsParsedByTheShell(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.yaml");
        java.nio.file.Files.writeString(f, "id: p\ndescription: d\nsource: s\nlocal: true\nsender:\n"
                + "  command: \"printf '[%s]\\\\n' {host} {port} {suites}{host}\"\nverdict:\n  ok_exit_codes: [0]\n");
        ProductStack p = ProductStack.read(f);
        Path planted = dir.resolve("planted");
        String evil = "$(touch " + planted + ")`touch " + planted + "`; touch " + planted + " '\"\\";
        ProductRun run = ProductRun.local(p.command("sender", Map.of("host", evil, "port", "a b\nc", "suites", "*")));
        assertTrue(run.awaitExit(10_000));
        assertEquals(List.of("[" + evil + "]", "[a b", "c]", "[*" + evil + "]"), run.output());
        assertFalse(java.nio.file.Files.exists(planted), "a value was run by the shell");
    }
}
