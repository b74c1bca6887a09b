package com.example.tls;

import io.handshakematrix.junit.HandshakeMatrix;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Our release matrix (src/test/resources/matrix.yaml) as JUnit tests: one per cell, grouped by RECEIVE_SIDE and
 * pair; a red test's message is the cell's DIFFERS line. results.json, the KB and the Allure report go to
 * target/handshake-matrix/matrix/.
 */
class MatrixTest {
    @TestFactory
    Stream<DynamicNode> ourClientAgainstRhel() {
        return HandshakeMatrix.from("src/test/resources/matrix.yaml")
                .reportsTo(Path.of("target/handshake-matrix/matrix")).tests();
    }
}
