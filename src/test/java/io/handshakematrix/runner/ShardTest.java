package io.handshakematrix.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.model.Cell;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.InputError;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** --shard K/N: every cell of the default matrix in exactly one shard, decided by its key alone. */
class ShardTest {
    private static final List<Cell> CELLS = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin(),
            io.handshakematrix.runner.Engines.standard().names())
            .load(Path.of("matrix.yaml")).cells();

    @Test
    void everyCellInExactlyOneOfThreeShards() {
        List<Shard> shards = List.of(Shard.parse("1/3"), Shard.parse("2/3"), Shard.parse("3/3"));
        for (Cell c : CELLS) {
            assertEquals(1, shards.stream().filter(s -> s.contains(c)).count(), c.displayName());
        }
        for (Shard s : shards) {
            long n = CELLS.stream().filter(s::contains).count();
            // a hash split, not a round robin: about a third each, never an empty CI job
            assertTrue(n > CELLS.size() / 4 && n < CELLS.size() / 2, s + " has " + n + " of " + CELLS.size());
        }
    }

    @Test
    void sameKeySameShardWhateverTheOtherCells() {
        Cell c = CELLS.get(123);
        Cell copy = new Cell(c.sender(), c.receiver(), c.receiveSide(), c.dhGroup(), c.protocol(), c.senderMinDhBits());
        for (int k = 1; k <= 7; k++) {
            assertEquals(new Shard(k, 7).contains(c), new Shard(k, 7).contains(copy));
        }
        assertTrue(Shard.ALL.contains(c));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/3", "4/3", "3", "1/0", "a/b", "1/3/5", "-1/3", ""})
    void malformedShardIsInputError(String text) {
        InputError e = assertThrows(InputError.class, () -> Shard.parse(text));
        assertEquals("--shard: expected K/N with 1 <= K <= N (e.g. 2/3), found '" + text + "'", e.oneLine());
    }
}
