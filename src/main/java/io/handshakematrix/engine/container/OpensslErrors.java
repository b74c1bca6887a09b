package io.handshakematrix.engine.container;

import java.util.List;

/**
 * The one place that reads OpenSSL's stderr: the error queue lines s_client and s_server print, with the
 * thread-id prefix removed (1.1.1 "140...:error:...", 3.0 "40C7...:error:...") so they read like the lines
 * in docs/stacks.md and the profiles: {@code error:0A00018A:SSL routines:tls_process_ske_dhe:dh key too small:...}.
 */
final class OpensslErrors {
    private OpensslErrors() {}

    static List<String> lines(List<String> stderr) {
        return stderr.stream().map(OpensslErrors::errorLine).filter(l -> l != null).toList();
    }

    private static String errorLine(String line) {
        int at = line.indexOf("error:");
        if (at < 0 || (at > 0 && line.charAt(at - 1) != ':')) {
            return null;
        }
        return line.substring(at).strip();
    }
}
