package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A product that prints 10 MB became one 20 MB cell record: its output is kept up to a cap, the rest drained. */
class ProductOutputCapTest {
    @Test
    void tenMegabytesOfOutputAreCutAtTheCap() throws InterruptedException {
        ProductRun run = ProductRun.local("yes 0123456789abcdef | head -c 10000000; head -c 3000000 /dev/zero | tr '\\\\0' x");
        assertTrue(run.awaitExit(60_000), "the run ends: its output is drained, not blocked");
        assertEquals(0, run.exitCode());
        List<String> out = run.output();
        long chars = out.stream().mapToLong(l -> l.length() + 1).sum();
        assertTrue(chars <= ContainerProcess.MAX_OUTPUT + ContainerProcess.CUT.length() + 2, () -> chars + " chars kept");
        assertEquals(ContainerProcess.CUT, out.get(out.size() - 1));
    }
}
