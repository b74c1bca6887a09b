package io.handshakematrix.matrix;

import io.handshakematrix.model.Cell;

import io.handshakematrix.model.StackRef;
import io.handshakematrix.yaml.YamlNode;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks on a matrix's axis values, kept out of MatrixLoader so its call sites stay one line each:
 * no empty axis, no value listed twice under two spellings ({@code [0, "00"]}, {@code rhel-7.7} next to
 * {@code rhel-7.7@emulated}: the same cell would run and be reported twice), and a cap on the cells the axes
 * cross to, checked from the axis sizes before any cell exists (a small file can cross to billions).
 */
public final class AxisValueChecks {
    /** Ten times the largest matrix bench measures (10,000 cells in a 256 MB heap); far above any real matrix. */
    public static final long MAX_CELLS = 100_000;

    private AxisValueChecks() {}

    /** An axis of names: at least one, none twice once spelled canonically ({@code key}). Linear time. */
    static void distinct(YamlNode list, List<YamlNode> items, Function<String, String> key) {
        if (items.isEmpty()) {
            throw list.error(list.path() + ": expected at least one value");
        }
        Map<String, YamlNode> seen = new HashMap<>();
        for (YamlNode n : items) {
            YamlNode first = seen.putIfAbsent(key.apply(n.text()), n);
            if (first != null) {
                boolean same = first.text().equals(n.text());
                throw n.error(list.path() + ": '" + n.text() + "' is listed twice"
                        + (same ? "" : " (as '" + first.text() + "' at line " + first.line() + ")"));
            }
        }
    }

    /** The canonical spelling of a stack: {@code rhel-7.7@emulated} is {@code rhel-7.7}. */
    static String stackKey(String text) {
        return StackRef.parse(text).toString();
    }

    /** Numbers by value: {@code 0} and {@code "00"} are one value. Non-numbers keep their text. */
    static String numberKey(String text) {
        try {
            return new BigInteger(text.trim()).toString();
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** A numeric axis ({@code sender_min_dh_bits}): at least one value, none twice by value. */
    static void distinctNumbers(YamlNode list) {
        distinct(list, list.itemsOrOne(), AxisValueChecks::numberKey);
    }

    /**
     * The cells this file's own axes cross to, refused above {@link #MAX_CELLS} with the number in the message.
     * {@code sizes}: the axis lengths; {@code configured}: the config: axis files (each crosses the common axes).
     */
    static long cellCount(YamlNode axes, long configured, long... sizes) {
        BigInteger common = BigInteger.ONE;
        for (int i = 0; i < sizes.length - 2; i++) {
            common = common.multiply(BigInteger.valueOf(sizes[i]));
        }
        BigInteger crossed = BigInteger.valueOf(sizes[sizes.length - 2]).multiply(BigInteger.valueOf(sizes[sizes.length - 1]))
                .add(BigInteger.valueOf(configured)).multiply(common);
        if (crossed.compareTo(BigInteger.valueOf(MAX_CELLS)) > 0) {
            throw axes.error("axes: they cross to " + crossed + " cells; expected at most " + MAX_CELLS
                    + " (narrow the axes, or split the matrix and run its parts one after another)");
        }
        return crossed.longValue();
    }

    /** The whole matrix with its includes: the sum of its parts' own cells (before overlaps are removed). */
    static void totalCells(Matrix m, String file) {
        long total = 0;
        for (Matrix part : m.parts()) {
            long others = 1;
            for (Map.Entry<String, List<String>> axis : part.settings().entrySet()) {
                if (!axis.getKey().equals(Cell.RECEIVE_SIDE) && !axis.getKey().equals(Cell.DH)) {
                    others *= axis.getValue().size();
                }
            }
            total += (long) part.senders().size() * part.receivers().size() * others
                    * ((long) part.values(Cell.RECEIVE_SIDE).size() * part.values(Cell.DH).size()
                       + part.configured().size());
            if (total > MAX_CELLS) {
                throw new io.handshakematrix.yaml.InputError(file, 0, "with its includes the matrix crosses to more than "
                        + MAX_CELLS + " cells (" + total + " so far); expected at most " + MAX_CELLS);
            }
        }
    }
}
