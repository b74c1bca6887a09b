package io.handshakematrix.dh;

import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import io.handshakematrix.yaml.TextBytes;
import org.bouncycastle.asn1.ASN1Encodable;
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
        if (bytes.length == 0) {
            throw new InputError(name, 0, "file is empty; expected a PEM 'BEGIN DH PARAMETERS' block");
        }
        if ((bytes[0] & 0xFF) == 0x30) {
            throw new InputError(name, 0, "binary DER, not PEM; expected a 'BEGIN DH PARAMETERS' block "
                    + "(openssl dhparam -inform DER -in FILE -out FILE.pem converts it)");
        }
        TextBytes.refuseUtf8Bom(name, bytes, "a PEM 'BEGIN DH PARAMETERS' block");
        String text = TextBytes.utf8(name, bytes, "a PEM 'BEGIN DH PARAMETERS' block");
        PemObject pem;
        try (PemReader r = new PemReader(new StringReader(text))) {
            pem = r.readPemObject();
        } catch (IOException | RuntimeException e) {
            throw new InputError(name, lineOf(text, "-----BEGIN"), "malformed PEM (" + e.getMessage()
                    + "); expected a 'BEGIN DH PARAMETERS' block");
        }
        if (pem == null) {
            throw new InputError(name, 0, "no PEM block found; expected '-----BEGIN DH PARAMETERS-----'");
        }
        if (!pem.getType().equals("DH PARAMETERS")) {
            throw new InputError(name, lineOf(text, "-----BEGIN " + pem.getType()),
                    "PEM block is '" + pem.getType() + "'; expected 'DH PARAMETERS' (PKCS#3)");
        }
        int line = lineOf(text, "-----BEGIN DH PARAMETERS");
        int second = text.indexOf("-----BEGIN DH PARAMETERS", text.indexOf("-----BEGIN DH PARAMETERS") + 1);
        if (second >= 0) {
            // OpenSSL's PEM_read_DHparams takes the first and ignores the rest: which group is meant is unclear.
            throw new InputError(name, countLines(text, second) + 1,
                    "a second 'DH PARAMETERS' block (the first is at line " + line + "); expected one DH group per file");
        }
        if (pem.getContent().length == 0) {
            throw new InputError(name, line, "the 'DH PARAMETERS' block is empty; expected base64 of "
                    + "SEQUENCE { INTEGER p, INTEGER g }");
        }
        ASN1Primitive der;
        try {
            der = ASN1Primitive.fromByteArray(pem.getContent());
        } catch (IOException | RuntimeException e) {
            throw new InputError(name, line, "the block's DER is truncated or malformed (" + e.getMessage()
                    + "); expected SEQUENCE { INTEGER p, INTEGER g }");
        }
        if (!(der instanceof ASN1Sequence seq)) {
            throw new InputError(name, line, "the block holds " + asn1Type(der) + "; expected SEQUENCE { INTEGER p, INTEGER g }");
        }
        if (seq.size() < 2 || seq.size() > 3) {
            throw new InputError(name, line, "DHParameter has " + seq.size() + (seq.size() == 1 ? " field" : " fields")
                    + "; expected p, g [, length]");
        }
        BigInteger p = integer(name, line, seq, 0, "p");
        BigInteger g = integer(name, line, seq, 1, "g");
        if (p.signum() <= 0 || p.bitLength() > MAX_BITS) {
            throw new InputError(name, line, "p " + (p.signum() < 0 ? "is negative" : "has " + p.bitLength() + " bits")
                    + "; expected a positive p of 1 to " + MAX_BITS + " bits");
        }
        if (g.signum() < 0 || g.bitLength() > MAX_BITS) {
            throw new InputError(name, line, "g " + (g.signum() < 0 ? "is negative" : "has " + g.bitLength() + " bits")
                    + "; expected 0 to p");
        }
        return new DhGroup(name, p, g, "PKCS#3 file " + name);
    }

    private static BigInteger integer(String name, int line, ASN1Sequence seq, int i, String what) {
        ASN1Encodable f = seq.getObjectAt(i);
        if (!(f instanceof ASN1Integer n)) {
            throw new InputError(name, line, "field " + (i + 1) + " (" + what + ") is " + asn1Type(f) + "; expected an INTEGER");
        }
        return n.getValue(); // signed: a negative INTEGER must not pass as a large positive one
    }

    /** "a UTF8String", "an INTEGER": the ASN.1 type by its name, without the library's class prefixes. */
    private static String asn1Type(ASN1Encodable o) {
        String t = o instanceof ASN1Integer ? "INTEGER" : o instanceof ASN1Sequence ? "SEQUENCE"
                : o.getClass().getSimpleName().replaceFirst("^(DER|DL|BER|ASN1)", "");
        return (t.startsWith("INTEGER") || t.startsWith("OCTET") || t.startsWith("OBJECT") ? "an " : "a ") + t;
    }

    /** Newlines before {@code end}. */
    private static int countLines(String text, int end) {
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count();
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
