package io.handshakematrix.model;

/**
 * A stack as the matrix names it: a profile id, optionally with the engine that runs it,
 * {@code openssl-3.0@container}. Without {@code @engine} the profile runs emulated in-process.
 */
public record StackRef(String profileId, String engine) {
    public static final String EMULATED = "emulated";

    public static StackRef parse(String text) {
        int at = text.indexOf('@');
        return at < 0 ? new StackRef(text, EMULATED) : new StackRef(text.substring(0, at), text.substring(at + 1));
    }

    @Override
    public String toString() {
        return engine.equals(EMULATED) ? profileId : profileId + "@" + engine;
    }
}
