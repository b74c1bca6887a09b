package io.handshakematrix.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One point of the matrix: a sender (TLS client) stack, a receiver (TLS server) stack, and the value of every
 * other axis the matrix declares ({@code settings}: axis name -> value, in the order the axes are declared by
 * {@code matrix.CellSettings}). What an axis means is not this type's business: the settings reach the
 * engines through one place, {@code matrix.CellSettings}.
 */
public record Cell(String sender, String receiver, Map<String, String> settings) {

    /** The axes every matrix has (the loader fills protocol and MinimumDHBits when a matrix leaves them out). */
    public static final String RECEIVE_SIDE = "receive_side";
    public static final String DH = "dh";
    public static final String PROTOCOL = "protocol";
    public static final String SENDER_MIN_DH_BITS = "sender_min_dh_bits";
    /** Those four: every cell carries them, and their values alone make the keys results already have. */
    public static final List<String> STANDARD_AXES = List.of(RECEIVE_SIDE, DH, PROTOCOL, SENDER_MIN_DH_BITS);

    /**
     * The value at which an axis beyond the four changes nothing (matrix.CellSettings' whenAbsent reads it here):
     * the loader leaves such a value out of a cell, and {@link #extras()} ignores it should a cell carry it anyway.
     */
    public static final Map<String, String> NEUTRAL = Map.of("certificate", "rsa", "receiver_suites", "product",
            "sender_policy", "DEFAULT", "receiver_policy", "DEFAULT");

    /**
     * How an axis reads in a cell's name: these four keep the names results, journals and baselines already
     * carry; any other axis reads "name value".
     */
    private static final Map<String, String> SHOWN = Map.of(RECEIVE_SIDE, "RECEIVE_SIDE=", DH, "DH ", PROTOCOL, "");

    public Cell {
        Objects.requireNonNull(sender);
        Objects.requireNonNull(receiver);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** A cell of the four axes every matrix has. */
    public Cell(String sender, String receiver, String receiveSide, String dhGroup, String protocol, int senderMinDhBits) {
        this(sender, receiver, standard(receiveSide, dhGroup, protocol, senderMinDhBits));
    }

    private static Map<String, String> standard(String receiveSide, String dhGroup, String protocol, int minBits) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(RECEIVE_SIDE, receiveSide);
        m.put(DH, dhGroup);
        m.put(PROTOCOL, protocol);
        m.put(SENDER_MIN_DH_BITS, Integer.toString(minBits));
        return m;
    }

    /** The value of {@code axis}, null when the matrix does not declare it. */
    public String get(String axis) {
        return switch (axis) {
            case "sender" -> sender;
            case "receiver" -> receiver;
            default -> settings.get(axis);
        };
    }

    /** This cell with {@code axis} set to {@code value} (a diagnosis tries a changed setting this way). */
    public Cell with(String axis, String value) {
        Map<String, String> m = new LinkedHashMap<>(settings);
        m.put(axis, value);
        return new Cell(sender, receiver, m);
    }

    /**
     * The axes beyond the four every matrix has, at a value other than their neutral one, in axis order: a cell
     * with any is a variant of the product's setup (another certificate, another suite list) and is reported apart.
     */
    public Map<String, String> extras() {
        Map<String, String> m = new LinkedHashMap<>();
        settings.forEach((axis, v) -> {
            if (!STANDARD_AXES.contains(axis) && !v.equals(NEUTRAL.get(axis))) {
                m.put(axis, v);
            }
        });
        return Collections.unmodifiableMap(m);
    }

    // Read-only views of the axes every matrix has, for the reports and the diagnosis, which print them.
    public String receiveSide() { return settings.get(RECEIVE_SIDE); }

    public String dhGroup() { return settings.get(DH); }

    public String protocol() { return settings.get(PROTOCOL); }

    public int senderMinDhBits() {
        String v = settings.get(SENDER_MIN_DH_BITS);
        return v == null ? 0 : Integer.parseInt(v);
    }

    /** Axes first, in KB-table order; shared by display names, JSON and KB rows. An unset MinimumDHBits is left out. */
    public String displayName() {
        StringBuilder s = new StringBuilder(sender + " -> " + receiver);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (e.getKey().equals(SENDER_MIN_DH_BITS)) {
                if (!e.getValue().equals("0")) {
                    s.append(" | MinimumDHBits ").append(e.getValue());
                }
            } else {
                s.append(" | ").append(SHOWN.getOrDefault(e.getKey(), e.getKey() + " ")).append(e.getValue());
            }
        }
        return s.toString();
    }

    /**
     * A stable key for sharding, resume and baseline comparison: sender, receiver and the values in axis order
     * ({@code rhel-7.7|rhel-6.10|NO|256|TLSv1.2|0}); an axis beyond the four every matrix has adds {@code |name=value}.
     */
    public String key() {
        StringBuilder s = new StringBuilder(sender + "|" + receiver);
        for (Map.Entry<String, String> e : settings.entrySet()) {
            s.append('|');
            if (!STANDARD_AXES.contains(e.getKey())) {
                s.append(e.getKey()).append('=');
            }
            s.append(e.getValue());
        }
        return s.toString();
    }

}
