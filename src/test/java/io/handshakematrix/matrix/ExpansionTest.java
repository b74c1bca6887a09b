package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.Engines;
import io.handshakematrix.model.Cell;
import io.handshakematrix.profile.ProfileCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped matrix expands to the cells, names and expectations it had before cells became a map of axes
 * (src/test/resources/expansion/*.txt, dumped by the loader of commit 1f916af): same keys, same display names,
 * same owning file, same verdict fields, in the same order.
 */
class ExpansionTest {

    @ParameterizedTest
    @ValueSource(strings = {"matrix.yaml", "matrix-jvm.yaml", "matrix-containers.yaml"})
    void expandsAsBefore(String file) throws IOException {
        Matrix m = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin(), Engines.standard().names())
                .load(Path.of(file));
        List<String> got = new ArrayList<>();
        for (Cell c : m.cells()) {
            got.add(c.key() + "\t" + c.displayName() + "\t" + Path.of(m.partFor(c).file()).getFileName() + "\t"
                    + verdict(m, c));
        }
        assertEquals(String.join("\n", before(file)), String.join("\n", got));
    }

    /** The verdict fields of the rule that decides {@code c}, as the old dump wrote them. */
    static String verdict(Matrix m, Cell c) {
        return m.disabledReason(c).map(r -> "disabled: " + r).orElseGet(() -> m.expectationFor(c).map(x ->
                "outcome=" + x.outcome().label() + ";side=" + (x.failedSide() == null ? "" : x.failedSide().label())
                        + ";alert=" + (x.alert() == null ? "" : x.alert()) + ";stopped=" + n(x.stoppedAfter())
                        + ";sender_error=" + n(x.senderError()) + ";receiver_error=" + n(x.receiverError())
                        + ";cipher=" + n(x.cipher()) + ";protocol=" + n(x.protocol())
                        + ";dh_bits=" + (x.dhBits() == null ? "" : x.dhBits())).orElse("none"));
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static List<String> before(String file) throws IOException {
        try (InputStream in = ExpansionTest.class.getResourceAsStream("/expansion/" + file.replace(".yaml", ".txt"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
