package io.handshakematrix.matrix;

import java.util.List;
import java.util.Map;

/**
 * What the receiving product's settings mean in TLS terms: for each RECEIVE_SIDE value, the cipher
 * suites the receiver enables (YES = RSA key exchange AES256-SHA, NO = DHE-RSA-AES256-SHA).
 */
public record ProductSettings(String name, Map<String, List<String>> receiveSideSuites) {
}
