package io.handshakematrix.engine.container;

/**
 * OpenSSL's s_server / s_client in a stack image. The server runs in -rev mode (answers each line of the
 * sender's secure ping reversed) and accepts exactly one connection; the client reads its ping from a file,
 * so stdin ends after it and s_client closes the connection once the handshake and ping are done.
 */
final class OpensslContainer extends StackContainer {
    /** Printed by s_server once it listens. */
    static final String LISTENING = "ACCEPT";

    OpensslContainer(String image) {
        super(image);
    }

    String serverCommand(int port, String cipherList, String dhParamsFile) {
        return "openssl s_server -accept 127.0.0.1:" + port + " -naccept 1 -rev -cert " + WORK + "/cert.pem -key "
                + WORK + "/key.pem -no_tls1_3 -cipher " + quote(cipherList)
                + (dhParamsFile == null ? "" : " -dhparam " + dhParamsFile) + " </dev/null";
    }

    String clientCommand(int port, String cipherList, String maxProtocol) {
        return "openssl s_client -connect 127.0.0.1:" + port + " -servername localhost -max_protocol " + maxProtocol
                + " -cipher " + quote(cipherList) + " < " + WORK + "/ping";
    }
}
