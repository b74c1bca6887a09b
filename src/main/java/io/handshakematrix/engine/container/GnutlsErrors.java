package io.handshakematrix.engine.container;

import java.util.List;
import java.util.stream.Stream;

/**
 * The one place that reads gnutls-cli's output: its "*** ..." lines (fatal errors, alerts received, handshake
 * failure), in the order printed, from stderr then stdout.
 */
final class GnutlsErrors {
    private GnutlsErrors() {}

    static List<String> lines(List<String> stderr, String stdout) {
        return Stream.concat(stderr.stream(), stdout.lines())
                .filter(l -> l.startsWith("*** ") && !l.startsWith("*** Starting") && !l.contains("PKI verification"))
                .map(String::strip).toList();
    }
}
