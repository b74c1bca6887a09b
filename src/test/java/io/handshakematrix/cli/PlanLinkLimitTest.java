package io.handshakematrix.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small fleet file can name billions of links: two large groups joined by one entry. plan expanded them all
 * (6.5 GB, then OutOfMemoryError with a stack trace and exit 1, the gate's "some link breaks"). It counts the
 * links an entry would add before expanding it and refuses past its limit: file:line, the count, the limit, exit 2.
 */
class PlanLinkLimitTest {
    @TempDir
    Path dir;

    /** {@code senders} x {@code receivers} hosts in two groups, joined by one link entry at its last line. */
    static Path fleet(Path dir, int senders, int receivers) throws IOException {
        Files.copy(Path.of("examples/configssl.cnf"), dir.resolve("configssl.cnf"));
        Files.copy(Path.of("examples/dh1024.pem"), dir.resolve("dh1024.pem"));
        Files.copy(Path.of("examples/dh2048.pem"), dir.resolve("dh2048.pem"));
        StringBuilder y = new StringBuilder("hosts:\n");
        StringBuilder s = new StringBuilder();
        StringBuilder r = new StringBuilder();
        for (int i = 0; i < senders; i++) {
            y.append("  s").append(i).append(": {stack: rhel-7.7}\n");
            s.append(i == 0 ? "" : ", ").append('s').append(i);
        }
        for (int i = 0; i < receivers; i++) {
            y.append("  r").append(i).append(": {stack: rhel-6.10, config: configssl.cnf}\n");
            r.append(i == 0 ? "" : ", ").append('r').append(i);
        }
        y.append("groups:\n  senders: [").append(s).append("]\n  receivers: [").append(r).append("]\n");
        y.append("links:\n  - {from: senders, to: receivers}\n");
        return Files.writeString(dir.resolve("fleet.yaml"), y);
    }

    @Test
    void aFleetThatExpandsPastTheLimitIsRefusedBeforeExpanding() throws Exception {
        Path f = fleet(dir, 6000, 4000); // 24 million links from a file of a few hundred KB
        int lines = (int) Files.readAllLines(f).size();
        BoundedJvm r = BoundedJvm.run(dir, 120, "plan", "--fleet", f.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code(), r::all);
        assertEquals(1, r.err().strip().lines().count(), r::all);
        assertTrue(r.err().startsWith(f + ":" + lines + ": "), r::all);
        assertTrue(r.err().contains("24000000 links") && r.err().contains("100000"), r::all);
    }
}
