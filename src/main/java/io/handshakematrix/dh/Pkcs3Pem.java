package io.handshakematrix.dh;

import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/** Reads "-----BEGIN DH PARAMETERS-----" files (PKCS#3 DHParameter: p, g, optional length). */
public final class Pkcs3Pem {
    /** OpenSSL 3 refuses p over 10000 bits; we accept up to 16384 so hostile groups can be served. */
    public static final int MAX_BITS = 16_384;

    private Pkcs3Pem() {}

    public static DhGroup parse(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (bytes.length == 0) {
            throw new InputError(name, 0, "file is empty; expected a PEM 'BEGIN DH PARAMETERS' block");
        }
        PemObject pem;
        try (PemReader r = new PemReader(new StringReader(text))) {
            pem = r.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new InputError(name, 0, "malformed PEM (" + e.getMessage() + "); expected a 'BEGIN DH PARAMETERS' block");
        }
        if (pem == null) {
            throw new InputError(name, 0, "no PEM block found; expected '-----BEGIN DH PARAMETERS-----'");
        }
        if (!pem.getType().equals("DH PARAMETERS")) {
            throw new InputError(name, lineOf(text, "-----BEGIN " + pem.getType()),
                    "PEM block is '" + pem.getType() + "'; expected 'DH PARAMETERS' (PKCS#3)");
        }
        int line = lineOf(text, "-----BEGIN DH PARAMETERS");
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(pem.getContent()));
            if (seq.size() < 2 || seq.size() > 3) {
                throw new InputError(name, line, "DHParameter has " + seq.size() + " fields; expected p, g [, length]");
            }
            BigInteger p = ASN1Integer.getInstance(seq.getObjectAt(0)).getPositiveValue();
            BigInteger g = ASN1Integer.getInstance(seq.getObjectAt(1)).getPositiveValue();
            if (p.signum() <= 0 || p.bitLength() > MAX_BITS) {
                throw new InputError(name, line, "p has " + p.bitLength() + " bits; expected 1 to " + MAX_BITS);
            }
            if (g.bitLength() > MAX_BITS) {
                throw new InputError(name, line, "g has " + g.bitLength() + " bits; expected at most " + MAX_BITS);
            }
            return new DhGroup(name, p, g, "PKCS#3 file " + name);
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new InputError(name, line, "bad DER inside the PEM block (" + e.getMessage()
                    + "); expected SEQUENCE { INTEGER p, INTEGER g }");
        }
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
