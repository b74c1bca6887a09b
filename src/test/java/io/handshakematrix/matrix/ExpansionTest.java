package io.handshakematrix.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.model.Cell;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.ProfileCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped matrix expands to the cells and expectations it had before cells became a map of axes
 * (src/test/resources/expansion/*.txt, dumped by the loader of commit 1f916af, before any change): the same keys
 * and display names in the same order, and for each cell the same verdict. Allowed differences, each checked:
 * <ul>
 *   <li>an error-line substring replaced by {@code check:}: the old substring is in a line the failing stack's
 *       profile prints for that check (so the check says the same, in the stack's terms);</li>
 *   <li>a cell that matrix.yaml and matrix-jvm.yaml both cross is now judged by matrix-jvm.yaml (the included
 *       file judges its cells alone or included alike): outcome, failing side and alert stay equal; the other
 *       fields are what matrix-jvm.yaml already expected of these cells when run alone;</li>
 *   <li>the 60 cells of a Temurin 25 or BCJSSE FIPS receiver with RECEIVE_SIDE = YES, skipped before, are the
 *       receiver's failure now (a finding: it cannot enable TLS_RSA_*);</li>
 *   <li>the 2 cells of a RHEL sender (1.0.x hello, no FFDHE group offered) and a BCJSSE FIPS receiver on
 *       ffdhe2048 are the receiver's failure now (issue 12: measured with the real hello bytes);</li>
 *   <li>matrix.yaml includes matrix-wire.yaml (issues 11 and 15): its 16 cells (with its own include,
 *       matrix-ecdsa-product.yaml) are additions, exactly the cells and verdicts of matrix-wire.yaml loaded alone,
 *       none of them an old key; the other cells compare as above.</li>
 * </ul>
 */
class ExpansionTest {
    private static final List<String> FIELDS = List.of("outcome", "side", "alert", "stopped", "sender_error",
            "receiver_error", "cipher", "protocol", "dh_bits");

    @ParameterizedTest
    @ValueSource(strings = {"matrix.yaml", "matrix-jvm.yaml", "matrix-containers.yaml"})
    void expandsAsBefore(String file) throws IOException {
        Matrix m = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin(), Engines.standard().names())
                .load(Path.of(file));
        List<String> before = before(file);
        List<Cell> cells = new ArrayList<>(m.cells());
        if (file.equals("matrix.yaml")) {
            cells.removeAll(wireAdditions(m, before));
        }
        assertEquals(before.size(), cells.size(), file + ": number of cells");
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            String[] old = before.get(i).split("\t", -1);
            assertEquals(old[0], c.key(), file + " cell " + i);
            assertEquals(old[1], c.displayName(), c.key());
            String part = Path.of(m.partFor(c).file()).getFileName().toString();
            boolean rejudged = !old[2].equals(part);
            if (rejudged) {
                assertEquals(List.of("matrix.yaml", "matrix-jvm.yaml"), List.of(old[2], part), c.key());
            }
            String now = ExpansionTest.verdict(m, c);
            if (old[3].startsWith("disabled: ") || now.startsWith("disabled: ") || old[3].equals("none")) {
                assertEquals(old[3], now, c.key());
                continue;
            }
            Map<String, String> was = fields(old[3]);
            Map<String, String> is = fields(now);
            Expectation e = m.expectationFor(c).orElseThrow();
            if (cannotEnableRsa(c)) { // the one intended change of verdicts: a finding where a skip was
                assertEquals("skipped", was.get("outcome"), c.key());
                assertEquals("fail (receiver, no alert, check no_enabled_cipher)", e.describe(), c.key());
                continue;
            }
            if (refusesDheToARealRhelHello(c)) { // issue 12: the wire changed, and the real BCJSSE judged it
                assertEquals("ok", was.get("outcome"), c.key());
                assertEquals("fail", is.get("outcome"), c.key());
                assertEquals("receiver", is.get("side"), c.key());
                continue;
            }
            for (String f : FIELDS) {
                String w = was.get(f);
                String n = is.get(f);
                boolean verdict = f.equals("outcome") || f.equals("side") || f.equals("alert");
                if (w.equals(n) || (!verdict && rejudged)) {
                    continue;
                }
                boolean failingSidesError = f.equals(e.failedSide() == null ? "" : e.failedSide().label() + "_error");
                assertTrue(failingSidesError && n.isEmpty() && e.check() != null, c.key() + ": " + f + " was '" + w
                        + "', now '" + n + "' (" + e.where() + ")");
                String stack = StackRef.parse(c.get(e.failedSide().label())).profileId();
                List<String> lines = e.checkLines().getOrDefault(stack, List.of());
                assertTrue(lines.stream().anyMatch(l -> l.contains(w)), c.key() + ": check " + e.check() + " of "
                        + stack + " prints " + lines + ", not '" + w + "' (" + e.where() + ")");
            }
        }
    }

    /** The parts matrix.yaml gained by including matrix-wire.yaml (issues 11 and 15). */
    private static final List<String> WIRE_PARTS = List.of("matrix-wire.yaml", "matrix-ecdsa-product.yaml");

    /**
     * The cells matrix.yaml's include of matrix-wire.yaml added, checked to be exactly matrix-wire.yaml's own (same
     * keys in the same order, same verdicts), 16 of them, and new: none was in the old dump.
     */
    private static List<Cell> wireAdditions(Matrix m, List<String> before) {
        Matrix wire = new MatrixLoader(ProfileCatalog.builtin(), DhGroupCatalog.builtin(), Engines.standard().names())
                .load(Path.of("matrix-wire.yaml"));
        List<Cell> added = m.cells().stream()
                .filter(c -> WIRE_PARTS.contains(Path.of(m.partFor(c).file()).getFileName().toString())).toList();
        assertEquals(16, added.size(), "cells matrix-wire.yaml adds");
        assertEquals(wire.cells().stream().map(Cell::key).toList(), added.stream().map(Cell::key).toList());
        for (Cell c : added) {
            assertEquals(verdict(wire, c), verdict(m, c), c.key());
            assertTrue(before.stream().noneMatch(l -> l.startsWith(c.key() + "\t")), c.key() + " was in the old dump");
        }
        return added;
    }

    /**
     * A Temurin 25 or BCJSSE FIPS receiver with RECEIVE_SIDE = YES: it cannot enable TLS_RSA_*, which was a skip
     * and is now what the real receiver does about it (issue 11: findings, not skips).
     */
    private static boolean cannotEnableRsa(Cell c) {
        return c.receiveSide().equals("YES")
                && (c.receiver().equals("jdk-25@jvm") || c.receiver().equals("bc-fips-approved@jvm"));
    }

    /**
     * A RHEL sender's real 1.0.x ClientHello (issue 12: supported_groups lists curves only) against a BCJSSE FIPS
     * receiver on ffdhe2048: the real BCJSSE reads it as "no DHE" and refuses (measured with the real hello
     * bytes); with BouncyCastle's old hello, which listed FFDHE groups, it was ok.
     */
    private static boolean refusesDheToARealRhelHello(Cell c) {
        return c.receiver().equals("bc-fips-approved@jvm") && c.receiveSide().equals("NO") && c.dhGroup().equals("ffdhe2048")
                && (c.sender().equals("rhel-6.10") || c.sender().equals("rhel-7.7-fips"));
    }

    /** The verdict fields of what decides {@code c}, in the old dump's format. */
    static String verdict(Matrix m, Cell c) {
        return m.disabledReason(c).map(r -> "disabled: " + r).orElseGet(() -> m.expectationFor(c).map(x ->
                "outcome=" + x.outcome().label() + ";side=" + (x.failedSide() == null ? "" : x.failedSide().label())
                        + ";alert=" + (x.alert() == null ? "" : x.alert()) + ";stopped=" + n(x.stoppedAfter())
                        + ";sender_error=" + n(x.senderError()) + ";receiver_error=" + n(x.receiverError())
                        + ";cipher=" + n(x.cipher()) + ";protocol=" + n(x.protocol())
                        + ";dh_bits=" + (x.dhBits() == null ? "" : x.dhBits())).orElse("none"));
    }

    private static Map<String, String> fields(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String kv : s.split(";", -1)) {
            int eq = kv.indexOf('=');
            m.put(kv.substring(0, eq), kv.substring(eq + 1));
        }
        return m;
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    private static List<String> before(String file) throws IOException {
        try (InputStream in = ExpansionTest.class.getResourceAsStream("/expansion/" + file.replace(".yaml", ".txt"))) {
            return new ArrayList<>(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        }
    }
}
