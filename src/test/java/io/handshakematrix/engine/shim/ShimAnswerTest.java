package io.handshakematrix.engine.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shim protocol's answers and settings: one JSON line each, the same names in both transports. */
class ShimAnswerTest {
    @Test
    void aDoneLineCarriesTheStacksOwnErrorLines() throws Exception {
        ShimAnswer a = ShimAnswer.last("{\"event\":\"listening\",\"port\":4433}\n{\"event\":\"done\",\"completed\":false,"
                + "\"protocol\":null,\"suite\":null,\"dh_bits\":null,\"errors\":[\"error:0A00018A:SSL routines:"
                + "tls_process_ske_dhe:dh key too small\"]}\n");
        assertTrue(a.is(ShimAnswer.DONE));
        assertEquals(List.of("error:0A00018A:SSL routines:tls_process_ske_dhe:dh key too small"), a.errors());
    }

    @Test
    void anythingButOneJsonAnswerIsNotAnAnswer() {
        assertThrows(ShimAnswer.NotAnAnswer.class, () -> ShimAnswer.last("handshake went fine"));
        assertThrows(ShimAnswer.NotAnAnswer.class, () -> ShimAnswer.last(""));
        assertThrows(ShimAnswer.NotAnAnswer.class, () -> ShimAnswer.parse("[1,2]"));
        assertThrows(ShimAnswer.NotAnAnswer.class, () -> ShimAnswer.parse("{\"event\":\"finished\"}"));
        assertThrows(ShimAnswer.NotAnAnswer.class, () -> ShimAnswer.last("{\"event\":\"done\"}\n{\"event\":\"done\"}"));
    }

    @Test
    void settingsReadBackFromEitherTransport() {
        ShimSettings s = new ShimSettings(ShimSettings.RECEIVER, "127.0.0.1", 4433, "TLSv1.2",
                List.of("DHE-RSA-AES256-SHA", "AES256-SHA"), "/tmp/hm/dh.pem", 0, 5000, Map.of("security-level", "1"));
        assertEquals(List.of("--role", "receiver", "--host", "127.0.0.1", "--port", "4433", "--protocol", "TLSv1.2",
                "--suites", "DHE-RSA-AES256-SHA:AES256-SHA", "--dh", "/tmp/hm/dh.pem", "--timeout-ms", "5000",
                "--security-level", "1"), s.toArgs());
        assertEquals(s, ShimSettings.fromArgs(s.toArgs()));
        assertEquals(s, ShimSettings.fromJson(s.toJson(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode(), 7)));
    }
}
