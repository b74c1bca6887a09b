package io.handshakematrix.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The KB tells real software from emulation per cell, from the engine label CellRunner gives it. */
class KbRealSoftwareMarkTest {
    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "emulated | ''",
        "jvm | ◆ real both sides (jvm)",
        "jvm->emulated | ◆ real sender (jvm)",
        "emulated->container | ◆ real receiver (container)",
        "container->jvm | ◆ real both sides (container, jvm)"})
    void marksWhichSideWasReal(String engineLabel, String mark) {
        assertEquals(mark, KbText.realSoftware(engineLabel));
    }
}
