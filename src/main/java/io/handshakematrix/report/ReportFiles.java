package io.handshakematrix.report;

import io.handshakematrix.model.CellResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Every file a run leaves in its output directory, from results alone (so `run`, the build and a later
 * `merge` write the same set): results.json, results.csv, kb.md, kb.html.
 */
public final class ReportFiles {
    private ReportFiles() {}

    public static void writeAll(Path dir, Map<String, Object> run, List<CellResult> results) throws IOException {
        RunReports.writeAll(dir, run, results);
    }

    /** Temporary file then move, so a reader never sees half a page. */
    public static void writeText(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
