package io.handshakematrix.runner;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.engine.NoAnswerException;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideEnd;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.UnsupportedSettingException;
import io.handshakematrix.matrix.ProductSettings;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Runs one cell: start the receiver on 127.0.0.1, run the sender against it, classify both sides. */
public final class CellRunner {
    private final EngineRegistry engines;
    private final ProfileCatalog profiles;
    private final DhGroupCatalog groups;
    private final ProductSettings product;
    private final Path baseDir;
    private final Duration timeout;

    public CellRunner(EngineRegistry engines, ProfileCatalog profiles, DhGroupCatalog groups, ProductSettings product,
                      Path baseDir, Duration timeout) {
        this.engines = engines;
        this.profiles = profiles;
        this.groups = groups;
        this.product = product;
        this.baseDir = baseDir;
        this.timeout = timeout;
    }

    /**
     * How long the runner waits for {@link #run} before it gives the cell up as a timeout: the sender's
     * connect and reads and the receiver's accept are each bounded by the timeout, so three of them plus
     * slack only passes when an engine ignores its timeouts.
     */
    public Duration hardLimit() {
        return timeout.multipliedBy(3).plusSeconds(5);
    }

    /** "emulated", or "sender-engine->receiver-engine" for a cross-tier cell. */
    public static String engineLabel(Cell cell) {
        String s = StackRef.parse(cell.sender()).engine();
        String r = StackRef.parse(cell.receiver()).engine();
        return s.equals(r) ? s : s + "->" + r;
    }

    public HandshakeResult run(Cell cell) {
        return run(cell, false);
    }

    /** The product settings, profiles and groups this runner resolves cells with (for diagnosis). */
    public ProductSettings product() { return product; }

    public ProfileCatalog profiles() { return profiles; }

    public DhGroupCatalog groups() { return groups; }

    public Path baseDir() { return baseDir; }

    /** {@code hexTranscript}: the sender's transcript also shows each record's bytes (ping --hex). */
    public HandshakeResult run(Cell cell, boolean hexTranscript) {
        long start = System.nanoTime();
        StackRef senderRef = StackRef.parse(cell.sender());
        StackRef receiverRef = StackRef.parse(cell.receiver());
        StackProfile sender = profiles.get(senderRef.profileId());
        StackProfile receiver = profiles.get(receiverRef.profileId());
        CellSpecs specs = CellSpecs.of(cell, sender, receiver, product, groups, baseDir, timeout,
                profiles.policies());
        if (!specs.sender().profile().supportsProtocol(cell.protocol())) {   // under its crypto policy, if it has one
            return cannotTake(Side.SENDER, cell.sender() + " does not offer " + cell.protocol());
        }
        Engine senderEngine = engines.get(senderRef.engine());
        Engine receiverEngine = engines.get(receiverRef.engine());
        if ((cell.protocol().equals("default") || cell.protocol().equals("TLSv1.3"))
                && !(senderEngine.name().equals("emulated") && receiverEngine.name().equals("emulated"))) {
            return cannotTake(Side.SENDER, "protocols " + cell.protocol() + " (TLS 1.3) is run by the emulated engine only");
        }
        Optional<String> cannot = senderEngine.cannotRun(sender, Side.SENDER, cell.protocol());
        if (cannot.isPresent()) {
            return cannotTake(Side.SENDER, cannot.get());
        }
        cannot = receiverEngine.cannotRun(receiver, Side.RECEIVER, cell.protocol());
        if (cannot.isPresent()) {
            return cannotTake(Side.RECEIVER, cannot.get());
        }
        ReceiverSpec rs = specs.receiver();
        SenderSpec ss = specs.sender();
        SideReport s = null;
        try (RunningReceiver running = receiverEngine.serve(rs)) {
            s = senderEngine.connect(ss, running.address(), hexTranscript);
            SideReport r = running.await();
            return Verdicts.classify(s, r, (System.nanoTime() - start) / 1_000_000);
        } catch (NoAnswerException e) {
            return Verdicts.noAnswer(e.getMessage(), s, (System.nanoTime() - start) / 1_000_000);
        } catch (UnsupportedSettingException e) { // only serve throws it: the receiver's stack refused the setting
            return cannotTake(Side.RECEIVER, e.getMessage());
        } catch (IOException e) {
            return Verdicts.harnessFault("cannot start receiver: " + e.getMessage(), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Verdicts.harnessFault("interrupted", (System.nanoTime() - start) / 1_000_000);
        }
    }

    /**
     * A side that cannot take the cell's setting before any handshake (its stack lacks the protocol, its engine cannot
     * run here, its stack refused the setting): that side's report says so, its peer never started, and the verdict
     * is {@link Verdicts}' like any other. The one channel every skip takes.
     */
    private static HandshakeResult cannotTake(Side side, String reason) {
        SideReport cannot = SideReport.ended(new SideEnd.Unsupported(reason));
        SideReport idle = SideReport.ended(new SideEnd.Stopped());
        return side == Side.SENDER ? Verdicts.classify(cannot, idle, 0) : Verdicts.classify(idle, cannot, 0);
    }
}
