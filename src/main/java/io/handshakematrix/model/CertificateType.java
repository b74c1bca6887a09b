package io.handshakematrix.model;

/**
 * The receiver's certificate key: RSA-2048 (signs DHE-RSA and ECDHE-RSA, decrypts RSA key exchange) or
 * ECDSA on P-256 (ECDHE-ECDSA only). A receiver setting, so that a matrix may cross it like any other.
 */
public enum CertificateType {
    RSA("rsa"), ECDSA_P256("ecdsa-p256");

    private final String label;

    CertificateType(String label) { this.label = label; }

    /** The name in matrix files and on the command line: {@code rsa}, {@code ecdsa-p256}. */
    public String label() { return label; }

    public static CertificateType byLabel(String label) {
        for (CertificateType t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown certificate type " + label + "; expected rsa or ecdsa-p256");
    }
}
