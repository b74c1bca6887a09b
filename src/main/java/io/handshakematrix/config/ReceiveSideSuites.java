package io.handshakematrix.config;

import io.handshakematrix.yaml.YamlNode;

/**
 * A RECEIVE_SIDE value must enable at least one suite: with none, the receiver can only refuse every ClientHello
 * (no shared cipher), so each of its cells would report a stack failure that is really the file's mistake.
 */
public final class ReceiveSideSuites {
    private ReceiveSideSuites() {}

    /** Bad input, at the value's line, when {@code value} (the suite list of RECEIVE_SIDE {@code side}) is empty. */
    public static void requireSome(YamlNode value, String side) {
        if (value.itemsOrOne().isEmpty()) {
            throw value.error(value.path() + ": RECEIVE_SIDE \"" + side + "\" enables no cipher suite; expected at least"
                    + " one, such as AES256-SHA or DHE-RSA-AES256-SHA");
        }
    }
}
