package io.handshakematrix.results;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.handshakematrix.model.Alert;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.HandshakeResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.model.Side;
import io.handshakematrix.model.SideTrace;
import io.handshakematrix.model.WireEvent;
import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.InputFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** reports/results.json: one object per cell, field names others read; read back for baselines and merges. */
public final class ResultsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {}

    /** The axes of a cell under their results.json names (also used by baseline-diff.json). */
    public static Map<String, Object> axes(Cell c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sender", c.sender());
        m.put("receiver", c.receiver());
        m.put("receiveSide", c.receiveSide());
        m.put("dhGroup", c.dhGroup());
        m.put("protocol", c.protocol());
        m.put("senderMinDhBits", c.senderMinDhBits());
        Map<String, String> more = new LinkedHashMap<>(c.settings()); // axes beyond the four every matrix has
        Cell.STANDARD_AXES.forEach(more::remove);
        if (!more.isEmpty()) {
            m.put("axes", more);
        }
        return m;
    }

    public static Map<String, Object> cell(CellResult cr) {
        HandshakeResult r = cr.result();
        Map<String, Object> m = axes(cr.cell());
        m.put("engine", cr.engine());
        m.put("outcome", r.outcome().label());
        m.put("expected", cr.expected());
        m.put("matches", cr.matches());
        m.put("cipher", r.cipher());
        m.put("negotiatedProtocol", r.protocol());
        m.put("dhBits", r.dhBits());
        m.put("tempKey", r.tempKey()); // "ECDH, P-256, 256 bits": names the ECDHE group, which DH bits cannot
        m.put("failedSide", r.failedSide() == null ? null : r.failedSide().label());
        m.put("stoppedAfter", r.stoppedAfter());
        if (r.alert() == null) {
            m.put("alert", null);
        } else {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("code", r.alert().code());
            a.put("name", r.alert().name());
            a.put("sentBy", r.alert().sentBy().label());
            m.put("alert", a);
        }
        m.put("senderError", r.senderErrors().isEmpty() ? null : String.join("\n", r.senderErrors()));
        m.put("receiverError", r.receiverErrors().isEmpty() ? null : String.join("\n", r.receiverErrors()));
        m.put("detail", r.detail());
        m.put("durationMs", r.durationMs());
        m.put("differences", cr.differences());
        m.put("expectationLine", cr.expectationLine());
        m.put("senderRule", r.senderTrace().rule()); // the profile rule that fired on that side
        m.put("receiverRule", r.receiverTrace().rule());
        m.put("transcript", r.transcript());
        m.put("senderEvents", events(r.senderTrace()));
        m.put("receiverEvents", events(r.receiverTrace()));
        return m;
    }

    /** A side's timed wire events: {"ms": 0.4, "sent": true, "what": "ClientHello"}. */
    private static List<Map<String, Object>> events(SideTrace t) {
        List<Map<String, Object>> out = new java.util.ArrayList<>(t.events().size());
        for (WireEvent e : t.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ms", e.ms());
            m.put("sent", e.sent());
            m.put("what", e.what());
            out.add(m);
        }
        return out;
    }

    private static SideTrace trace(JsonNode n, String side) {
        List<WireEvent> events = new java.util.ArrayList<>();
        for (JsonNode e : n.path(side + "Events")) {
            events.add(new WireEvent(e.path("ms").asDouble(), e.path("sent").asBoolean(), e.path("what").asText()));
        }
        return new SideTrace(text(n, side + "Rule"), events);
    }

    /** Written to a temporary file and moved into place, so a reader never sees half a file. */
    public static void write(Path file, Map<String, Object> run, List<CellResult> results) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("run", run);
        root.put("cells", results.stream().map(ResultsJson::cell).toList());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Like {@link #write}, taking the cells one at a time: a 10,000-cell run never holds them all. */
    public static void writeStreaming(Path file, Map<String, Object> run, Iterable<CellResult> results)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (JsonGenerator g = JSON.getFactory().createGenerator(tmp.toFile(), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeObjectField("run", run);
            g.writeArrayFieldStart("cells");
            for (CellResult r : results) {
                g.writeObject(cell(r));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A results.json may hold thousands of cells with transcripts; it is streamed, never read whole. It must be a
     * regular file (a FIFO would block, /dev/zero never ends) of at most this size.
     */
    private static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;

    /** The "run" object of a results.json file (empty if it has none), read without reading the cells. */
    public static Map<String, Object> readRun(Path file) {
        requireResultsFile(file);
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputError(file.toString(), 1, "expected a JSON object with a \"cells\" array");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("run") && value == JsonToken.START_OBJECT) {
                    return JSON.convertValue(p.readValueAsTree(), new TypeReference<Map<String, Object>>() {});
                }
                p.skipChildren();
            }
            return Map.of();
        } catch (IOException e) {
            throw notResults(file, e);
        }
    }

    /**
     * Each cell of a results.json in turn, parsed one at a time (a shard's file may hold thousands). A cell of the
     * wrong shape stops the read with its line ({@link CellShape}); nothing is silently dropped.
     */
    public static void forEachCell(Path file, java.util.function.Consumer<CellResult> each) {
        requireResultsFile(file);
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputError(file.toString(), 1, "expected a JSON object with a \"cells\" array");
            }
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("cells")) {
                    p.skipChildren();
                    continue;
                }
                if (value != JsonToken.START_ARRAY) {
                    throw new InputError(file.toString(), p.currentLocation().getLineNr(), "expected \"cells\" to be an array");
                }
                found = true;
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                    int line = p.currentLocation().getLineNr();
                    JsonNode n = t == JsonToken.START_OBJECT ? p.readValueAsTree() : null;
                    if (n == null) {
                        p.skipChildren();
                    }
                    String problem = CellShape.problem(n);
                    if (problem != null) {
                        throw new InputError(file.toString(), line, problem);
                    }
                    each.accept(fromJson(n));
                }
            }
            if (!found) {
                throw new InputError(file.toString(), 0, "expected a JSON object with a \"cells\" array");
            }
        } catch (IOException e) {
            throw notResults(file, e);
        }
    }

    /** Every cell of a results.json (a baseline), each checked for shape as it is read. */
    public static List<CellResult> read(Path file) {
        List<CellResult> out = new ArrayList<>();
        forEachCell(file, out::add);
        return out;
    }

    private static void requireResultsFile(Path file) {
        InputFiles.requireRegular(file, "a results.json file");
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InputError(file.toString(), 0, "file is over " + MAX_BYTES + " bytes; expected a results.json file");
            }
        } catch (IOException e) {
            throw notResults(file, e);
        }
    }

    private static InputError notResults(Path file, IOException e) {
        int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                ? j.getLocation().getLineNr() : 0;
        String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage()
                : e.getClass().getSimpleName();
        return new InputError(file.toString(), Math.max(line, 0), "not a results.json file ("
                + why.lines().findFirst().orElse("") + "); expected the results.json a run wrote");
    }

    public static CellResult fromJson(JsonNode n) {
        Cell c = new Cell(n.path("sender").asText(), n.path("receiver").asText(), n.path("receiveSide").asText(),
                n.path("dhGroup").asText(), n.path("protocol").asText(), n.path("senderMinDhBits").asInt(0));
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("axes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            c = c.with(e.getKey(), e.getValue().asText());
        }
        JsonNode a = n.path("alert");
        Alert alert = a.isObject() ? new Alert(a.path("code").asInt(), a.path("name").asText(),
                Side.valueOf(a.path("sentBy").asText().toUpperCase())) : null;
        HandshakeResult r = HandshakeResult.builder(Outcome.parse(n.path("outcome").asText()))
                .negotiated(text(n, "negotiatedProtocol"), text(n, "cipher"), text(n, "tempKey"))
                .dhBits(n.path("dhBits").isInt() ? n.path("dhBits").asInt() : null)
                .failure(n.path("failedSide").isTextual() ? Side.valueOf(n.path("failedSide").asText().toUpperCase())
                        : null, text(n, "stoppedAfter"), alert)
                .errors(lines(n, "senderError"), lines(n, "receiverError"))
                .traces(trace(n, "sender"), trace(n, "receiver"))
                .transcript(strings(n.path("transcript"))).detail(text(n, "detail"))
                .durationMs(n.path("durationMs").asLong()).build();
        return new CellResult(c, n.path("engine").asText(), r, text(n, "expected"),
                n.path("expectationLine").isInt() ? n.path("expectationLine").asInt() : null,
                strings(n.path("differences")));
    }

    private static String text(JsonNode n, String k) {
        return n.path(k).isTextual() ? n.path(k).asText() : null;
    }

    private static List<String> lines(JsonNode n, String k) {
        String t = text(n, k);
        return t == null ? List.of() : List.of(t.split("\n"));
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(x -> out.add(x.asText()));
        return out;
    }
}
