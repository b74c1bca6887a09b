package io.handshakematrix.profile;

/**
 * When in the client's handshake a check runs. It decides the message the client stopped after:
 * the first two stop after ServerKeyExchange, the last after ServerHelloDone.
 */
public enum CheckStage {
    /** While parsing the ServerKeyExchange (1.0.2 ssl3_get_key_exchange). */
    SERVER_KEY_EXCHANGE("server_key_exchange"),
    /** Right after it (1.0.x ssl3_check_cert_and_algorithm). */
    AFTER_SERVER_KEY_EXCHANGE("after_server_key_exchange"),
    /** When computing the shared secret for the ClientKeyExchange (DH_compute_key). */
    CLIENT_KEY_EXCHANGE("client_key_exchange");

    private final String yamlName;

    CheckStage(String yamlName) { this.yamlName = yamlName; }

    public String yamlName() { return yamlName; }
}
