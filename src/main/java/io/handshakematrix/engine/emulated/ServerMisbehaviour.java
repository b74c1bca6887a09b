package io.handshakematrix.engine.emulated;

import java.math.BigInteger;

/**
 * How an emulated receiver departs from an honest server: a stack's DH checks must be tried against values no
 * honest server computes (the hostile receivers of the tests). The engine a run uses is {@link #HONEST}; nothing in a
 * matrix or on the command line can choose another.
 */
public interface ServerMisbehaviour {
    ServerMisbehaviour HONEST = new ServerMisbehaviour() {};

    /** The public value Ys to send for the prime {@code p} instead of g^x mod p; null sends the computed one. */
    default BigInteger forcedYs(BigInteger p) {
        return null;
    }

    /** The ServerKeyExchange body as sent, from the one the key exchange wrote (changed in place or replaced). */
    default byte[] serverKeyExchange(byte[] written) {
        return written;
    }

    default boolean honest() {
        return this == HONEST;
    }
}
