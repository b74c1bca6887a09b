package io.handshakematrix.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the support view needs to know about a product (keys {@code current_peers}, {@code rsa_advice} and
 * {@code log_prefixes} of its profile): the peers its receivers meet today, what its own article says about
 * RECEIVE_SIDE = YES, the prefixes its log puts around a TLS library's line, and the stack profiles of the TLS
 * library it bundles (key {@code bundled_library}: ids of profiles shipped under products/bundled/).
 */
public record ProductSupport(List<String> currentPeers, String currentPeersSource, String rsaAdvice,
                             String rsaAdviceSource, List<LogPrefix> logPrefixes, List<String> bundledProfiles,
                             String bundledSource) {

    /** A product log wrapper: {@code pattern} has a named group {@code line}, the library's own line. */
    public record LogPrefix(Pattern pattern, String example, String source) {
    }

    public static ProductSupport none() {
        return new ProductSupport(List.of(), "", "", "", List.of(), List.of(), "");
    }

    /** The library's line inside the product's wrapper, if one of the prefixes matches. */
    public Optional<String> unwrap(String logLine) {
        for (LogPrefix p : logPrefixes) {
            Matcher m = p.pattern().matcher(logLine);
            if (m.find()) {
                return Optional.of(m.group("line").strip());
            }
        }
        return Optional.empty();
    }
}
