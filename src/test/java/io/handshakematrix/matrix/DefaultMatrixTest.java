package io.handshakematrix.matrix;

import io.handshakematrix.junit.HandshakeMatrix;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The default matrix.yaml through the JUnit 5 entry point product teams use (junit/HandshakeMatrix), not a
 * private one: one dynamic test per cell, named from its axes and grouped by setting and pair, each a real
 * handshake judged against its expectation (the run is the JVM's one run of the file, which other tests read
 * too, see SharedMatrixRun). A cell whose expected failure happens is a passed test. It also writes the build's
 * reports/ the way 'run' does, the Allure compatibility report rendered (one Allure test per cell, status = the
 * handshake; the unit tests' small runs are not rendered).
 */
class DefaultMatrixTest {
    @TestFactory
    Stream<DynamicNode> everyCellAsExpected() {
        // -Dhandshake.matrix=COPY.yaml runs a copy instead (e.g. to see a changed expectation fail the build).
        return HandshakeMatrix.from(System.getProperty("handshake.matrix", "matrix.yaml"))
                .reportsTo(Path.of("reports")).renderAllure(true).tests();
    }
}
