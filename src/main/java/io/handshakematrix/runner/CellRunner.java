package io.handshakematrix.runner;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.matrix.ProductSettings;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Runs one cell: start the receiver on 127.0.0.1, run the sender against it, classify both sides. */
public final class CellRunner {
    private final Engine engine;
    private final ProfileCatalog profiles;
    private final DhGroupCatalog groups;
    private final ProductSettings product;
    private final Path baseDir;
    private final Duration timeout;

    public CellRunner(Engine engine, ProfileCatalog profiles, DhGroupCatalog groups, ProductSettings product,
                      Path baseDir, Duration timeout) {
        this.engine = engine;
        this.profiles = profiles;
        this.groups = groups;
        this.product = product;
        this.baseDir = baseDir;
        this.timeout = timeout;
    }

    public String engineName() {
        return engine.name();
    }

    public HandshakeResult run(Cell cell) {
        long start = System.nanoTime();
        StackProfile sender = profiles.get(cell.sender());
        StackProfile receiver = profiles.get(cell.receiver());
        if (!sender.supportsProtocol(cell.protocol())) {
            return HandshakeResult.skipped(cell.sender() + " does not offer " + cell.protocol());
        }
        if (cell.protocol().equals("SSLv3")) {
            return HandshakeResult.skipped("SSLv3 is not emulated (BouncyCastle TLS has no SSLv3)");
        }
        DhGroup group = groups.resolve(resolveDefault(cell.dhGroup(), receiver), baseDir);
        ReceiverSpec rs = new ReceiverSpec(receiver, product.receiveSideSuites().get(cell.receiveSide()), group, timeout);
        SenderSpec ss = new SenderSpec(sender, cell.protocol(), cell.senderMinDhBits(), timeout);
        try (RunningReceiver running = engine.serve(rs)) {
            SideReport s = engine.connect(ss, running.address());
            SideReport r = running.await();
            return Verdicts.classify(s, r, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return HandshakeResult.error("cannot start receiver: " + e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HandshakeResult.error("interrupted", (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** {@code default} means the receiver stack's own default group (profile data). */
    private static String resolveDefault(String dh, StackProfile receiver) {
        return dh.equals("default") ? receiver.server().defaultDhGroup() : dh;
    }
}
