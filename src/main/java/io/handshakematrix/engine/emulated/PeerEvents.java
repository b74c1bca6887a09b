package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.OpensslLogTemplates;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.profile.LogLines;
import io.handshakematrix.model.CipherSuites;
import java.util.List;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsFatalAlert;

/** Turns BouncyCastle's alert callbacks into a side's log, in the stack's own words where the profile has them. */
final class PeerEvents {
    private final SideLog log;
    private final LogLines lines;

    PeerEvents(SideLog log, LogLines lines) {
        this.log = log;
        this.lines = lines;
    }

    void alertRaised(short level, short description, String message, Throwable cause) {
        if (level != AlertLevel.fatal || log.hasGivenUp() || log.alertsMuted()) {
            return; // a profile check already logged its lines, or the peer is gone
        }
        if (description == AlertDescription.protocol_version && !lines.protocolMismatch().isEmpty()) {
            log.gaveUp("protocol_mismatch", lines.protocolMismatch());
            return;
        }
        // BouncyCastle aborted for a reason the profile does not model: say so rather than invent a line.
        // BC wraps our own TlsFatalAlert in a generic "Failed to read record": the inner text says more.
        String why = cause instanceof TlsFatalAlert inner && inner.getMessage() != null ? inner.getMessage()
                : message != null ? message : cause != null ? cause.toString() : AlertDescription.getText(description);
        log.gaveUp(List.of("[emulator] " + why));
    }

    void alertReceived(short level, short description) {
        if (level == AlertLevel.fatal) {
            log.alertReceived(description);
            log.error(OpensslLogTemplates.alertReceived(lines.alertReceived(), description));
            if (log.lastReceivedMessage() == null) { // the alert answered our ClientHello
                log.error(lines.alertAfterClientHello());
            }
        }
    }

    /** Records protocol and suite; returns the suite's OpenSSL name. */
    String handshakeComplete(TlsContext context) {
        SecurityParameters sp = context.getSecurityParametersConnection() != null
                ? context.getSecurityParametersConnection() : context.getSecurityParametersHandshake();
        String suite = CipherSuites.name(sp.getCipherSuite()).orElse(String.format("0x%04X", sp.getCipherSuite()));
        log.completed(Protocols.name(sp.getNegotiatedVersion()), suite);
        return suite;
    }

    /**
     * {@code noneEnabled}: the server's own settings left it no suite at all, not just none in common. Returns
     * true when the profile words that case apart (no_enabled_cipher): JSSE and BCJSSE then refuse to start the
     * handshake and send no alert (seen in real runs).
     */
    boolean noSharedCipher(boolean noneEnabled) {
        if (noneEnabled && !lines.noEnabledCipher().isEmpty()) {
            log.gaveUp("no_enabled_cipher", lines.noEnabledCipher());
            return true;
        }
        if (lines.noSharedCipher().isEmpty()) {
            log.gaveUp(List.of("[emulator] no shared cipher")); // the profile has no words for it: no rule fired
        } else {
            log.gaveUp("no_shared_cipher", lines.noSharedCipher());
        }
        return false;
    }

    /** After the handshake ended: the peer vanished without an alert. */
    void peerClosedIfSo() {
        if (log.isPeerClosed() && !log.hasGivenUp() && !log.isCompleted()) {
            // No placeholder where the profile says the real stack prints nothing (an empty peer_closed).
            log.error(lines.peerClosed() == null ? List.of("(connection closed by peer, no alert)") : lines.peerClosed());
        }
    }
}
