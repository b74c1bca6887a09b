package io.handshakematrix.config;

/**
 * What a receiver's configssl.cnf amounts to for one handshake: the RECEIVE_SIDE value, the DH group it
 * serves (a group name or a PEM path, as a matrix cell names it) and why, in words.
 */
public record ReceiverSetting(String receiveSide, String dhGroup, String why) {
}
