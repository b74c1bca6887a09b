package io.handshakematrix.engine.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one reader of the wire: the same facts however the bytes are split, and the same messages the transcript shows. */
class WireFactsTest {
    /** DHE-RSA-AES256-SHA (RFC 5246 A.5). */
    private static final int DHE_RSA_AES256_SHA = 0x0039;

    private static byte[] record(int type, byte[] fragment) {
        ByteArrayOutputStream r = new ByteArrayOutputStream();
        r.write(type);
        r.write(3);
        r.write(3);
        r.write(fragment.length >> 8);
        r.write(fragment.length & 0xFF);
        r.writeBytes(fragment);
        return r.toByteArray();
    }

    private static byte[] message(int type, byte[] body) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.write(type);
        m.write(body.length >> 16);
        m.write((body.length >> 8) & 0xFF);
        m.write(body.length & 0xFF);
        m.writeBytes(body);
        return m.toByteArray();
    }

    private static byte[] serverHello() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(3);
        b.write(3);
        b.writeBytes(new byte[32]); // random
        b.write(0); // no session id
        b.write(DHE_RSA_AES256_SHA >> 8);
        b.write(DHE_RSA_AES256_SHA & 0xFF);
        b.write(0); // no compression
        return message(2, b.toByteArray());
    }

    private static byte[] serverKeyExchange(BigInteger p) {
        byte[] prime = p.toByteArray();
        prime = prime[0] == 0 ? java.util.Arrays.copyOfRange(prime, 1, prime.length) : prime;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(prime.length >> 8);
        b.write(prime.length & 0xFF);
        b.writeBytes(prime);
        b.writeBytes(new byte[] {0, 1, 2, 0, 1, 5}); // g, Ys: not read
        return message(12, b.toByteArray());
    }

    /** ServerHello and ServerKeyExchange in one record, then a warning alert and a fatal one. */
    private static byte[] serverFlight(BigInteger p) {
        ByteArrayOutputStream hs = new ByteArrayOutputStream();
        hs.writeBytes(serverHello());
        hs.writeBytes(serverKeyExchange(p));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(record(22, hs.toByteArray()));
        all.writeBytes(record(21, new byte[] {1, 90})); // warning user_canceled
        all.writeBytes(record(21, new byte[] {2, 40})); // fatal handshake_failure
        return all.toByteArray();
    }

    @Test
    void theServersVersionSuiteAndPrimeAndItsAlertsWhateverTheSplit() {
        BigInteger p = BigInteger.ONE.shiftLeft(511).add(BigInteger.valueOf(0x45));
        byte[] flight = serverFlight(p);
        for (int split : List.of(1, 3, 7, flight.length)) {
            WireFacts w = new WireFacts();
            for (int i = 0; i < flight.length; i += split) {
                w.from(false).feed(flight, i, Math.min(split, flight.length - i));
            }
            assertEquals("TLSv1.2", w.protocol(), "split " + split);
            assertEquals("DHE-RSA-AES256-SHA", w.cipher());
            assertEquals(512, w.dhBits());
            assertEquals(p, w.dhPrime().orElseThrow());
            assertEquals("ServerKeyExchange", w.from(false).lastHandshake());
            assertEquals(90, w.from(false).alert()); // the first alert of any level: who ended first (relays)
            assertEquals(40, w.from(false).fatalAlert()); // the first fatal one (the JVM tier's alert sent)
            assertNull(w.from(true).alert());
            assertFalse(w.handshakeCompleted());
        }
    }

    @Test
    void nothingAfterTheChangeCipherSpecIsReadButDataFlowingCompletesTheHandshake() {
        WireFacts w = new WireFacts();
        for (boolean client : List.of(true, false)) {
            w.from(client).feed(record(20, new byte[] {1}));
            w.from(client).feed(record(21, new byte[] {2, 20})); // encrypted: no plaintext alert
            w.from(client).feed(record(23, new byte[] {9, 9, 9}));
        }
        assertNull(w.from(true).alert());
        assertTrue(w.handshakeCompleted());
    }

    @Test
    void theTranscriptNamesTheMessagesTheFactsRead() {
        byte[] flight = serverFlight(BigInteger.ONE.shiftLeft(1023).add(BigInteger.ONE));
        RecordTranscript t = new RecordTranscript(false);
        for (int i = 0; i < flight.length; i += 5) {
            t.received(flight, i, Math.min(5, flight.length - i));
        }
        assertEquals(List.of("<<< TLS 1.2 Handshake [length 002a], ServerHello",
                "<<< TLS 1.2 Handshake [length 008c], ServerKeyExchange",
                "<<< TLS 1.2 Alert [length 0002], warning user_canceled (90)",
                "<<< TLS 1.2 Alert [length 0002], fatal handshake_failure (40)"), t.lines());
    }
}
