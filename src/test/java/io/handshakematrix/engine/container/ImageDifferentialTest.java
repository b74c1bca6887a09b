package io.handshakematrix.engine.container;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.SharedMatrixRun;
import io.handshakematrix.TestEnvironment;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Alert;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.runner.CellRunner;
import io.handshakematrix.runner.MatrixRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The RHEL matrix (every cell of matrix.yaml between emulated stacks, no sample) with both sides in their
 * stack images ({@code X@image}: the agent in a container, behind the shim and the harness's relay) against the
 * same cells in-process, cell by cell: verdict, failing side, alert, and both sides' error lines must be equal.
 * An image that differs from its in-process profile would carry the difference into users' CI.
 */
class ImageDifferentialTest {
    private static final Path MATRIX = Path.of("matrix.yaml");
    private static EngineRegistry engines;
    private static Matrix matrix;
    private static Optional<String> problem;
    private static List<Cell> cells;
    private static final Map<String, HandshakeResult> inImages = new ConcurrentHashMap<>();
    private static final Map<String, HandshakeResult> inProcess = new ConcurrentHashMap<>();

    @BeforeAll
    static void runBoth() throws InterruptedException {
        ProfileCatalog profiles = ProfileCatalog.builtin();
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        engines = Engines.standard();
        matrix = new MatrixLoader(profiles, groups, engines.names()).load(MATRIX);
        cells = compared(matrix, profiles);
        problem = ((ImageEngine) engines.get(ImageEngine.NAME)).docker();
        if (problem.isPresent()) {
            return;
        }
        CellRunner runner = new CellRunner(engines, profiles, groups, matrix.product(), MATRIX.toAbsolutePath().getParent(),
                Duration.ofSeconds(20));
        new MatrixRunner(runner, 2).run(matrix, cells.stream().map(ImageDifferentialTest::inImages).toList(),
                r -> inImages.put(r.cell().key(), r.result()));
        // the in-process side is the default matrix's run, shared with DefaultMatrixTest, not a second run
        SharedMatrixRun inProcessRun = SharedMatrixRun.of(MATRIX);
        cells.forEach(c -> inProcessRun.result(c).ifPresent(r -> inProcess.put(c.key(), r.result())));
    }

    @AfterAll
    static void close() {
        if (engines != null) {
            engines.close();
        }
    }

    /**
     * The emulated cells of the product's own setup; stacks under a crypto policy (RHEL 8+) have no image yet
     * (ImageEngine skips them with that reason).
     */
    private static List<Cell> compared(Matrix m, ProfileCatalog profiles) {
        return m.cells().stream().filter(c -> !c.sender().contains("@") && !c.receiver().contains("@") && c.extras().isEmpty())
                .filter(c -> !profiles.get(c.sender()).hasPolicies() && !profiles.get(c.receiver()).hasPolicies()).toList();
    }

    static Cell inImages(Cell c) {
        return ImageEngine.bothInImages(c);
    }

    @TestFactory
    Stream<DynamicTest> imagesAgreeWithTheInProcessRun() {
        ProfileCatalog profiles = ProfileCatalog.builtin();
        Matrix m = new MatrixLoader(profiles, DhGroupCatalog.builtin(), Engines.standard().names()).load(MATRIX);
        return compared(m, profiles).stream()
                .map(c -> DynamicTest.dynamicTest(inImages(c).displayName(), () -> compare(c)));
    }

    private static void compare(Cell c) {
        TestEnvironment.require(problem.isEmpty(), () -> "image tier skipped: " + problem.orElse(""));
        HandshakeResult a = inImages.get(inImages(c).key());
        HandshakeResult b = inProcess.get(c.key());
        String both = "\n  images:     " + a.summary() + "\n  in-process: " + b.summary();
        String name = c.displayName();
        assertEquals(b.outcome(), a.outcome(), () -> name + ": verdict differs" + both);
        assertEquals(b.failedSide(), a.failedSide(), () -> name + ": failing side differs" + both);
        assertEquals(code(b.alert()), code(a.alert()), () -> name + ": alert differs" + both);
        assertEquals(b.senderErrors(), a.senderErrors(), () -> name + ": sender error lines differ" + both);
        assertEquals(b.receiverErrors(), a.receiverErrors(), () -> name + ": receiver error lines differ" + both);
        // each side's own report beyond the verdict: the profile rule it gave up on (the agent's word in images)
        assertEquals(b.senderTrace().rule(), a.senderTrace().rule(), () -> name + ": sender's fired rule differs" + both);
        assertEquals(b.receiverTrace().rule(), a.receiverTrace().rule(), () -> name + ": receiver's fired rule differs" + both);
        // and what each side wrote, in order, as its wire events say (the relay's in images, the tap's in-process)
        assertEquals(written(b.senderTrace()), written(a.senderTrace()), () -> name + ": sender's messages differ" + both);
        assertEquals(written(b.receiverTrace()), written(a.receiverTrace()), () -> name + ": receiver's messages differ" + both);
        if (b.outcome() == io.handshakematrix.model.Outcome.OK) {
            assertEquals(b.cipher(), a.cipher(), () -> name + ": suite differs" + both);
            assertEquals(b.dhBits(), a.dhBits(), () -> name + ": DH bits differ" + both);
        }
    }

    /** The messages a side sent, in order (its end of the connection left out: only a relay sees its own FIN). */
    private static java.util.List<String> written(io.handshakematrix.model.SideTrace t) {
        return t.events().stream().filter(e -> e.sent() && !e.what().equals(io.handshakematrix.model.WireEvent.CLOSED))
                .map(io.handshakematrix.model.WireEvent::what).toList();
    }

    private static Integer code(Alert a) {
        return a == null ? null : a.code();
    }

}
