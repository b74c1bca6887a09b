package io.handshakematrix.profile;

import java.util.List;

/** The receiver (TLS server) side: default DH group and what it does with unusable parameters. */
public record ServerPolicy(String defaultDhGroup, String defaultDhGroupSource, List<ServerDhRule> unusableDh,
                           LogLines log) {
}
