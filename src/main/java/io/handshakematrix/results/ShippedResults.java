package io.handshakematrix.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.handshakematrix.model.CellResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default matrix's verified results, shipped in the jar (src/main/resources/shipped/matrix-results.jsonl), so
 * that explain answers in a support call with no run at hand, and the same file travels with a -DskipTests build.
 * One JSON object a line: a header, then one cell a line in key order, each with what explain and the fix ranking
 * read (verdict, negotiated values, alert, both sides' lines and rules) and nothing that varies from run to run
 * (durations, transcripts, wire timings), so a fresh run of the same jar writes the same file byte for byte.
 * Cells marked {@code peerCheck} are not matrix cells: each is one of the product's current peers (its emulated
 * twin, as diagnose runs it) against a receiver setup a fix changed to, so a fix's peer count reads the same here
 * as in diagnose. Written by {@code shipped-results}; ShippedResultsTest holds it to the test suite's run.
 */
public record ShippedResults(Map<String, Object> header, List<CellResult> cells, List<CellResult> peerChecks) {
    /** Where the file sits in the jar. */
    public static final String RESOURCE = "/shipped/matrix-results.jsonl";
    /** Where the file sits in the source tree (the command's default output). */
    public static final String SOURCE_FILE = "src/main/resources/shipped/matrix-results.jsonl";
    /** The one command that regenerates it (after a package build). */
    public static final String COMMAND = "mvn -B -q -o -DskipTests package && java -jar target/handshake-matrix.jar "
            + "shipped-results";
    private static final String PEER_CHECK = "peerCheck";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields of results.json that differ between two runs of the same cells, or only restate the matrix file. */
    private static final List<String> VOLATILE = List.of("durationMs", "transcript", "senderEvents", "receiverEvents",
            "detail", "differences", "matches", "expectationLine");

    private static volatile ShippedResults inJar;

    public ShippedResults {
        header = Map.copyOf(header);
        cells = List.copyOf(cells);
        peerChecks = List.copyOf(peerChecks);
    }

    /** The results shipped in this jar; empty lists when the jar carries none (a build from before the file). */
    public static ShippedResults inJar() {
        ShippedResults s = inJar;
        if (s == null) {
            try (InputStream in = ShippedResults.class.getResourceAsStream(RESOURCE)) {
                s = in == null ? new ShippedResults(Map.of(), List.of(), List.of()) : read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(RESOURCE + " is part of the jar", e);
            }
            inJar = s;
        }
        return s;
    }

    /** One cell as its line: results.json's fields without the volatile ones. */
    public static String line(CellResult r, boolean peerCheck) {
        Map<String, Object> m = new LinkedHashMap<>(ResultsJson.cell(r));
        VOLATILE.forEach(m::remove);
        m.values().removeIf(java.util.Objects::isNull); // read back as absent: the same cell, a shorter line
        if (peerCheck) {
            m.put(PEER_CHECK, true);
        }
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's lines: the header, the matrix cells, then the peer checks, each group in key order. */
    public static List<String> lines(Map<String, Object> header, List<CellResult> cells, List<CellResult> peerChecks) {
        List<String> out = new ArrayList<>();
        try {
            out.add(JSON.writeValueAsString(Map.of("shipped", header)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cells.stream().sorted(Comparator.comparing(r -> r.cell().key())).forEach(r -> out.add(line(r, false)));
        peerChecks.stream().sorted(Comparator.comparing(r -> r.cell().key())).forEach(r -> out.add(line(r, true)));
        return out;
    }

    /** Written to a temporary file and moved into place. */
    public static void write(Path file, List<String> lines) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The matrix cells' lines of the shipped file, as {@link #line} wrote them (for the staleness check). */
    public static List<String> rawLines() {
        try (InputStream in = ShippedResults.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static ShippedResults read(InputStream in) throws IOException {
        Map<String, Object> header = Map.of();
        List<CellResult> cells = new ArrayList<>();
        List<CellResult> peers = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String l;
        while ((l = r.readLine()) != null) {
            if (l.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(l);
            if (n.has("shipped")) {
                header = JSON.convertValue(n.get("shipped"), Map.class);
            } else if (n.path(PEER_CHECK).asBoolean(false)) {
                peers.add(ResultsJson.fromJson(n));
            } else {
                cells.add(ResultsJson.fromJson(n));
            }
        }
        return new ShippedResults(header, cells, peers);
    }

    /** "1384 cells of matrix.yaml, every one as expected, and 90 current-peer checks" */
    public String describe() {
        return cells.size() + " cells of " + header.getOrDefault("matrix", "the default matrix")
                + ", every one as it expects, and " + peerChecks.size() + " current-peer handshakes";
    }
}
