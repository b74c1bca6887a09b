package io.handshakematrix.engine.wire;

/** Handshake message names as {@code openssl s_client -msg} prints them. */
public final class HandshakeNames {
    private HandshakeNames() {}

    public static String of(int type) {
        return switch (type) {
            case 0 -> "HelloRequest";
            case 1 -> "ClientHello";
            case 2 -> "ServerHello";
            case 4 -> "NewSessionTicket";
            case 11 -> "Certificate";
            case 12 -> "ServerKeyExchange";
            case 13 -> "CertificateRequest";
            case 14 -> "ServerHelloDone";
            case 15 -> "CertificateVerify";
            case 16 -> "ClientKeyExchange";
            case 20 -> "Finished";
            case 22 -> "CertificateStatus";
            default -> "Handshake(" + type + ")";
        };
    }
}
