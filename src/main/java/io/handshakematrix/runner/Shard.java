package io.handshakematrix.runner;

import io.handshakematrix.model.Cell;
import io.handshakematrix.yaml.InputError;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One of N CI jobs' share of a matrix: cell K/N holds the cells whose key hashes to K-1 modulo N.
 * By key, not by position, so a cell stays in its shard when other cells are added or removed.
 * CRC-32 because String.hashCode clusters on keys that differ only at the end (the DH group).
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    /** What a shard must look like, for the messages that refuse one. */
    public static final String EXPECTED = "expected K/N with 1 <= K <= N (e.g. 2/3)";

    /** The --shard option's value; refused as the option's error. */
    public static Shard parse(String text) {
        return tryParse(text).orElseThrow(() -> new InputError("--shard", 0, EXPECTED + ", found '" + text + "'"));
    }

    /** K/N, or empty when {@code text} is not a shard; the caller names where the text came from. */
    public static java.util.Optional<Shard> tryParse(String text) {
        String[] kn = text.split("/", -1);
        if (kn.length == 2 && kn[0].matches("\\d{1,4}") && kn[1].matches("\\d{1,4}")) {
            int k = Integer.parseInt(kn[0]);
            int n = Integer.parseInt(kn[1]);
            if (n >= 1 && k >= 1 && k <= n) {
                return java.util.Optional.of(new Shard(k, n));
            }
        }
        return java.util.Optional.empty();
    }

    public boolean contains(Cell cell) {
        if (count == 1) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(cell.key().getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
