package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.TestEnvironment;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A shim whose answer is not one JSON line makes its own cell {@code error} (never {@code fail}) and leaves the
 * rest of the run alone; the reserved {@code unsupported} answer makes a cell {@code skipped} with the reason.
 */
class ShimAnswersTest {
    @Test
    void aShimAnswerThatIsNotOneJsonLineIsAnErrorForThatCellOnly() {
        ContainerStacks stacks = ContainerStacks.of(
                new ContainerStacks.Stack("openssl-3.0-seclevel1", "broken-shim", Map.of(), "test: a broken shim"));
        try (ShimTier tier = new ShimTier(stacks, ShimTier.TEST_IMAGES, ShimTier.IMAGES)) {
            TestEnvironment.require(tier.engine.docker().isEmpty(), () -> "no Docker: " + tier.engine.docker().orElse(""));
            HandshakeResult asReceiver = tier.run(new Cell("rhel-7.7", "openssl-3.0-seclevel1@container", "NO", "1024",
                    "TLSv1.2", 0));
            HandshakeResult asSender = tier.run(new Cell("openssl-3.0-seclevel1@container", "rhel-6.10", "NO", "1024",
                    "TLSv1.2", 0));
            HandshakeResult emulated = tier.run(new Cell("rhel-7.7", "rhel-6.10", "NO", "1024", "TLSv1.2", 0));
            assertEquals(Outcome.ERROR, asReceiver.outcome(), asReceiver::summary);
            assertTrue(asReceiver.detail().contains("not one JSON line: listening on the port"), asReceiver.detail());
            assertEquals(Outcome.ERROR, asSender.outcome(), asSender::summary);
            assertTrue(asSender.detail().contains("not one JSON line: handshake went fine"), asSender.detail());
            assertEquals(Outcome.OK, emulated.outcome(), emulated::summary);
        }
    }

    @Test
    void theReservedUnsupportedAnswerSkipsTheCellWithTheStacksReason() {
        // The shell wrappers' stacks have no MinimumDHBits setting: the shim says so with the reserved answer.
        ContainerStacks stacks = ContainerStacks.of(new ContainerStacks.Stack("openssl-3.0-seclevel1", "gnutls-3.7",
                Map.of("priority", "NORMAL"), "test: gnutls-cli asked to receive"));
        try (ShimTier tier = new ShimTier(stacks, ShimTier.IMAGES)) {
            TestEnvironment.require(tier.engine.docker().isEmpty(), () -> "no Docker: " + tier.engine.docker().orElse(""));
            HandshakeResult r = tier.run(new Cell("openssl-3.0-seclevel1@container", "rhel-6.10", "NO", "1024",
                    "TLSv1.2", 400));
            assertEquals(Outcome.SKIPPED, r.outcome(), r::summary);
            assertEquals("this stack has no MinimumDHBits setting", r.detail());
        }
    }
}
