package io.handshakematrix.runner;

import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.results.ResultJournal;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a journal's verdicts were measured under, so that {@code run --resume} never mixes two matrices: the
 * expanded cells with their settings, what each RECEIVE_SIDE value enables, the bytes of every profile the cells
 * use, of a product's file next to its twin profile, and of every file a cell's setting names (DH PEM, config).
 * Written beside the journal (OUT/{@value #FILE_NAME}, to a temporary file then renamed) when a run starts one;
 * a resume under anything else is bad input naming what changed, before the journal is opened or touched.
 * (Without it, a run of matrix A resumed under a matrix B whose RECEIVE_SIDE = NO enables other suites reported
 * A's "ok TLSv1.2 AES256-SHA", a handshake that never ran under B's settings.)
 */
public final class MatrixDigest {
    public static final String FILE_NAME = "cells.digest";
    private static final String HEADER = "# what " + ResultJournal.FILE_NAME + " was run under (run --resume checks it)";

    /** Component name -> hash, in a stable order; one line each in the file. */
    private final Map<String, String> parts;

    private MatrixDigest(Map<String, String> parts) {
        this.parts = parts;
    }

    public static MatrixDigest of(Matrix matrix, List<Cell> cells, ProfileCatalog profiles, Path matrixDir) {
        Map<String, String> parts = new TreeMap<>();
        MessageDigest cellHash = sha();
        TreeSet<String> stacks = new TreeSet<>();
        TreeSet<String> values = new TreeSet<>();
        for (Cell c : cells) {
            update(cellHash, c.key());
            stacks.add(StackRef.parse(c.sender()).profileId());
            stacks.add(StackRef.parse(c.receiver()).profileId());
            values.addAll(c.settings().values());
        }
        parts.put("cells " + cells.size(), hex(cellHash));
        matrix.product().receiveSideSuites().forEach((side, suites) ->
                parts.put("receive_side " + side, hash(String.join(":", suites).getBytes(StandardCharsets.UTF_8))));
        for (String id : stacks) {
            StackProfile p = profiles.find(id).orElse(null);
            if (p != null) {
                parts.put("profile " + id, hash(profileBytes(p)));
                productFile(p).ifPresent(f -> parts.put("product " + id, hash(read(f))));
            }
        }
        for (String v : values) {
            Path f = fileNamed(matrixDir, v);
            if (f != null) {
                parts.put("file " + v, hash(read(f)));
            }
        }
        return new MatrixDigest(parts);
    }

    /** Writes the digest beside the journal: to a temporary file, then renamed into place. */
    public void write(Path out) throws IOException {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        parts.forEach((k, v) -> s.append(k).append(" = ").append(v).append('\n'));
        Path file = out.resolve(FILE_NAME);
        Path tmp = out.resolve(FILE_NAME + ".tmp");
        Files.writeString(tmp, s);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Before a resume touches the journal in {@code out}: the digest there must equal this one. No journal yet:
     * nothing to check. A journal without a digest, or with another one, is bad input saying what changed.
     */
    public void requireSameAs(Path out) {
        Path journal = out.resolve(ResultJournal.FILE_NAME);
        if (!Files.exists(journal)) {
            return;
        }
        Path file = out.resolve(FILE_NAME);
        String advice = "; run without --resume to start over, or resume with what that run used";
        if (!Files.isRegularFile(file)) {
            throw new InputError(journal.toString(), 0, "no record of the matrix this journal was run under ("
                    + file.getFileName() + " is missing), so its verdicts cannot be kept" + advice);
        }
        Map<String, String> old = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        String text = new String(io.handshakematrix.yaml.InputFiles.read(file, 1 << 20, "the digest of the matrix "
                + "the journal was run under"), StandardCharsets.UTF_8);
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            int eq = line.indexOf(" = ");
            if (line.startsWith("#") || eq < 0) {
                continue;
            }
            old.put(line.substring(0, eq), line.substring(eq + 3).strip());
            lines.put(line.substring(0, eq), n);
        }
        List<String> changed = new ArrayList<>();
        int firstLine = 0;
        for (Map.Entry<String, String> e : parts.entrySet()) {
            String was = old.get(e.getKey());
            if (was == null) {
                changed.add(e.getKey() + " is new");
            } else if (!was.equals(e.getValue())) {
                changed.add(e.getKey() + " changed");
                firstLine = firstLine == 0 ? lines.get(e.getKey()) : firstLine;
            }
        }
        for (String k : old.keySet()) {
            if (!parts.containsKey(k)) {
                changed.add(k + " is gone");
                firstLine = firstLine == 0 ? lines.get(k) : firstLine;
            }
        }
        if (!changed.isEmpty()) {
            String list = changed.size() > 6 ? String.join(", ", changed.subList(0, 6)) + " and " + (changed.size() - 6)
                    + " more" : String.join(", ", changed);
            throw new InputError(file.toString(), firstLine, "the journal was run under another matrix: " + list
                    + advice);
        }
    }

    private static java.util.Optional<Path> productFile(StackProfile p) {
        if (p.origin() == null || p.origin().startsWith("classpath:")) {
            return java.util.Optional.empty();
        }
        Path origin = Path.of(p.origin()).toAbsolutePath();
        if (origin.getParent() == null || origin.getParent().getParent() == null) {
            return java.util.Optional.empty();
        }
        Path f = origin.getParent().getParent().resolve(p.id() + ".yaml");
        return Files.isRegularFile(f) ? java.util.Optional.of(f) : java.util.Optional.empty();
    }

    private static byte[] profileBytes(StackProfile p) {
        if (p.origin() != null && p.origin().startsWith("classpath:")) {
            String res = p.origin().substring("classpath:".length());
            try (InputStream in = MatrixDigest.class.getResourceAsStream(res.startsWith("/") ? res : "/" + res)) {
                return in == null ? p.toString().getBytes(StandardCharsets.UTF_8) : in.readAllBytes();
            } catch (IOException e) {
                return p.toString().getBytes(StandardCharsets.UTF_8);
            }
        }
        Path f = p.origin() == null ? null : Path.of(p.origin());
        return f != null && Files.isRegularFile(f) ? read(f) : p.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A setting that names a file next to the matrix (a DH PEM, a configssl.cnf), or null. */
    private static Path fileNamed(Path dir, String value) {
        if (dir == null || value.isEmpty() || value.length() > 4096 || value.indexOf('\0') >= 0) {
            return null;
        }
        try {
            Path f = dir.resolve(value);
            return Files.isRegularFile(f) ? f : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static byte[] read(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            return ("unreadable: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
        }
    }

    private static MessageDigest sha() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) 0);
        d.update(b);
    }

    private static String hash(byte[] b) {
        MessageDigest d = sha();
        d.update(b);
        return hex(d);
    }

    private static String hex(MessageDigest d) {
        return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    }
}
