package io.handshakematrix.model;

import java.util.List;

/**
 * What one side of a cell reported beyond its verdict: the id of the profile rule that made it give up (a DH check
 * such as {@code g_above_1}, a server rule such as {@code p_even}, {@code no_shared_cipher}; null when no rule of
 * a profile fired: it completed, it only reacted to its peer, or it is a real stack), and the timed events of its
 * connection as read off the wire.
 */
public record SideTrace(String rule, List<WireEvent> events) {
    public static final SideTrace NONE = new SideTrace(null, List.of());

    public SideTrace {
        events = events == null ? List.of() : List.copyOf(events);
    }

    /** The same rule without the events (the slim copy reports keep in memory). */
    public SideTrace withoutEvents() {
        return events.isEmpty() ? this : new SideTrace(rule, List.of());
    }
}
