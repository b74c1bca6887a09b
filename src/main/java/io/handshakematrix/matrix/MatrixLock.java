package io.handshakematrix.matrix;

import io.handshakematrix.model.OpensslErrorLine;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.model.TlsAlerts;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The expansion of a matrix written down, as OpenSSL commits its generated ssl-tests next to their sources: one
 * line per cell, sorted, with what it must do and the rule (file:line) that says so. Committed next to the
 * matrix (matrix.yaml -> matrix.lock), so a change of a rule or of a profile's check lines shows its effect on
 * every cell in review; a test fails the build when the committed lock is not what the matrix expands to.
 */
public final class MatrixLock {
    private MatrixLock() {}

    /** matrix.yaml -> matrix.lock, next to it. */
    public static Path defaultFile(Path matrixFile) {
        String name = matrixFile.getFileName().toString();
        String base = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
        return matrixFile.resolveSibling(base + ".lock");
    }

    /** The lock's text; rule files are named relative to {@code lockDir} where they lie under it. */
    public static String render(Matrix m, String matrixName, Path lockDir) {
        List<String> lines = new ArrayList<>();
        for (Matrix.Decision d : m.decisions()) {
            lines.add(d.cell().displayName() + " = " + expected(d) + "  @ " + where(d, lockDir));
        }
        lines.sort(null);
        StringBuilder s = new StringBuilder()
                .append("# The expansion of ").append(matrixName).append(" (with its include:s), one line per cell, sorted:\n")
                .append("# cell = what the deciding rule expects  @ file:line of that rule. Written by `handshake-matrix\n")
                .append("# expand`; do not edit. Change a rule or a profile, run expand, and commit this diff with it.\n")
                .append("# ").append(lines.size()).append(" cells\n");
        lines.forEach(l -> s.append(l).append('\n'));
        return s.toString();
    }

    /** The first line where {@code lockFile} differs from {@code expected}, as bad input; empty when current. */
    public static Optional<InputError> staleness(Path lockFile, String expected, String howToRefresh) {
        if (!Files.isRegularFile(lockFile)) {
            return Optional.of(new InputError(lockFile.toString(), 0, "not found; expected the expansion of the "
                    + "matrix: run " + howToRefresh + " and commit it"));
        }
        List<String> have = new String(io.handshakematrix.yaml.InputFiles.read(lockFile, 64 << 20, "a matrix lock file"),
                StandardCharsets.UTF_8).lines().toList();
        List<String> want = expected.lines().toList();
        for (int i = 0; i < Math.max(have.size(), want.size()); i++) {
            String h = i < have.size() ? have.get(i) : null;
            String w = i < want.size() ? want.get(i) : null;
            if (!java.util.Objects.equals(h, w)) {
                return Optional.of(new InputError(lockFile.toString(), i + 1, "stale: expected "
                        + (w == null ? "the end of the file" : lockLine(w)) + ", found "
                        + (h == null ? "the end of the file" : lockLine(h)) + "; run " + howToRefresh
                        + " and commit the lock with the change"));
            }
        }
        return Optional.empty();
    }

    /**
     * A lock line in double quotes: its deciding rule (file:line) comes last and is the point of the message, so
     * it is not cut at the 80 characters an offending value gets; a line edited past 200 is cut all the same.
     */
    private static String lockLine(String line) {
        String one = line.replace('\n', ' ');
        return "\"" + (one.length() <= 200 ? one : one.substring(0, 200) + "... (" + one.length() + " characters)") + "\"";
    }

    private static String where(Matrix.Decision d, Path lockDir) {
        if (d.where() == null) {
            return "no rule";
        }
        String file = d.disabled() != null ? d.disabled().file() : d.rule().file();
        int line = d.disabled() != null ? d.disabled().line() : d.rule().line();
        Path p = Path.of(file).toAbsolutePath().normalize();
        Path dir = lockDir.toAbsolutePath().normalize();
        String shown = p.startsWith(dir) ? dir.relativize(p).toString() : file;
        return shown + ":" + line;
    }

    /** Every field the rule sets, in one fixed order; a check with the words the cell's failing stack prints. */
    private static String expected(Matrix.Decision d) {
        if (d.disabled() != null) {
            return "skipped (disabled: " + d.disabled().reason() + ")";
        }
        Expectation e = d.rule();
        if (e == null) {
            return "none (no rule covers this cell)";
        }
        List<String> f = new ArrayList<>();
        if (e.failedSide() != null) f.add(e.failedSide().label());
        if (e.alert() != null) f.add(e.alert() < 0 ? "no alert" : "alert " + e.alert() + " " + TlsAlerts.name(e.alert()));
        if (e.stoppedAfter() != null) f.add("stopped after " + e.stoppedAfter());
        if (e.check() != null) {
            String stack = StackRef.parse(d.cell().get(e.failedSide().label())).profileId();
            List<String> lines = e.checkLines().getOrDefault(stack, List.of());
            f.add("check " + e.check() + (lines.isEmpty() ? "" : " '" + OpensslErrorLine.reason(lines.get(0)) + "'"));
        }
        if (e.senderError() != null) f.add("sender error '" + e.senderError() + "'");
        if (e.receiverError() != null) f.add("receiver error '" + e.receiverError() + "'");
        if (e.cipher() != null) f.add(e.cipher());
        if (e.protocol() != null) f.add(e.protocol());
        if (e.dhBits() != null) f.add("DH " + e.dhBits());
        return e.outcome().label() + (f.isEmpty() ? "" : " (" + String.join(", ", f) + ")");
    }
}
