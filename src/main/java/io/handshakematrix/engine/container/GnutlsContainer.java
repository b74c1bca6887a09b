package io.handshakematrix.engine.container;

/**
 * GnuTLS's gnutls-cli in a stack image, as a sender only: gnutls-serv has no listen-address option and would
 * bind every interface, while this harness listens on 127.0.0.1 alone. The priority string comes from the
 * stack data (TLS 1.2 forced and the RFC 7919 groups removed, so a server's own prime is used).
 */
final class GnutlsContainer extends StackContainer {
    GnutlsContainer(String image) {
        super(image);
    }

    String clientCommand(int port, String priority) {
        return "gnutls-cli --insecure --port " + port + " --priority " + quote(priority) + " 127.0.0.1 < " + WORK
                + "/ping";
    }
}
