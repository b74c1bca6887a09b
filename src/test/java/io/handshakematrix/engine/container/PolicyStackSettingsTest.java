package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.engine.SideReport;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.YamlFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What lets a container stack run under a crypto policy, without Docker: the stack data names the shim setting that
 * takes the generated openssl.cnf, a policy stack without one is skipped with the reason, and a receiver whose
 * stack refused its settings at start reports its own lines and closes on the sender.
 */
class PolicyStackSettingsTest {
    @Test
    void theShippedTwinsTakeThePolicyThroughOpensslConf() {
        ContainerStacks stacks = ContainerStacks.builtin();
        assertEquals("openssl-conf", stacks.find("openssl-1.1.1-policy").orElseThrow().policySetting());
        assertEquals("openssl-conf", stacks.find("openssl-3.0-policy").orElseThrow().policySetting());
        assertNull(stacks.find("openssl-3.0").orElseThrow().policySetting());
    }

    @Test
    void aPolicySettingIsReadFromTheStackData() throws IOException {
        String yaml = "x:\n  image: openssl-3.0\n  policy_setting: openssl-conf\n  source: \"test\"\n";
        try (InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))) {
            assertEquals("openssl-conf", ContainerStacks.read(YamlFiles.read("stacks.yaml", in)).find("x")
                    .orElseThrow().policySetting());
        }
    }

    @Test
    void aStackWithPoliciesOnAContainerStackThatCannotTakeOneIsSkippedWithTheReason() {
        ContainerStacks stacks = ContainerStacks.of(new ContainerStacks.Stack("rhel-9.4", "openssl-3.0", Map.of(), "test"));
        try (ContainerEngine engine = new ContainerEngine(new PrintStream(new ByteArrayOutputStream()), stacks,
                n -> { throw new AssertionError("no image is read before the policy check"); })) {
            Optional<String> why = engine.cannotRun(ProfileCatalog.builtin().get("rhel-9.4"), Side.SENDER, "TLSv1.2");
            assertEquals(Optional.of("rhel-9.4 runs under a crypto policy, which its container stack cannot take"
                    + " (no policy_setting in container/stacks.yaml)"), why);
        }
    }

    @Test
    void aReceiverRefusedAtStartClosesOnTheSenderAndReportsItsLines() throws Exception {
        List<String> lines = List.of("error:0A00018A:SSL routines:SSL_CTX_set0_tmp_dh_pkey:dh key too small:../ssl/ssl_lib.c:6016:");
        RefusedAtStartReceiver r = new RefusedAtStartReceiver("p_bits_below", lines, 5000);
        try (Socket s = new Socket(r.address().getAddress(), r.address().getPort())) {
            s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x00});
            s.setSoTimeout(5000);
            assertEquals(-1, s.getInputStream().read(), "closed without a byte");
        }
        SideReport report = r.await();
        assertTrue(report.gaveUp());
        assertEquals("p_bits_below", report.rule());
        assertEquals(lines, report.errors());
        assertNull(report.alertSent());
    }
}
