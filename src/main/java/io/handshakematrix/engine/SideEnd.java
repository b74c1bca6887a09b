package io.handshakematrix.engine;

/**
 * How one side's handshake ended, as a closed vocabulary (after OpenSSL's ssl_test.c result enum and TLS-Anvil's
 * separate value for harness faults): every engine reports exactly one of these, and only the runner's
 * {@code Verdicts} turns two of them into a cell's outcome. The side's wire facts (alerts, last message, error
 * lines) stay on its {@link SideReport}; an end carries only what belongs to that end.
 */
public sealed interface SideEnd {

    /** The handshake completed on this side. {@code tempKey}: as OpenSSL prints "Server Temp Key"; null if unknown. */
    record Completed(String protocol, String cipher, String tempKey) implements SideEnd {}

    /**
     * This side itself decided to abort (a failed check, no shared cipher, first to alert or close).
     * {@code rule}: the profile rule that fired (null where the stack names none: real stacks without rule ids);
     * {@code atNanos}: when, on this JVM's nanoTime clock, so the earlier of two gave-ups is the one that failed.
     */
    record GaveUp(String rule, long atNanos) implements SideEnd {}

    /**
     * This side stopped without completing and without a failure of its own: it reacted to its peer's alert or
     * close, or its peer vanished.
     */
    record Stopped() implements SideEnd {}

    /** This side's stack cannot take a setting the cell asks for (BoGo's "not implemented"): the cell is skipped. */
    record Unsupported(String reason) implements SideEnd {}

    /** This side waited past its deadline for its peer (or for anyone to connect). */
    record NoAnswer() implements SideEnd {}

    /** The harness or its environment broke on this side (a process that died, a socket we could not open). */
    record HarnessFault(String reason) implements SideEnd {}
}
