package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.wire.RecordTranscript;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * A socket input that tells the side's log when the peer closed or went silent. A stack that sees
 * EOF or times out does not answer with an alert; BouncyCastle would, so alerts are muted then.
 */
final class ObservedInput extends FilterInputStream {
    private final SideLog log;
    private final RecordTranscript transcript;
    private boolean ended;
    private final Runnable onEof;

    ObservedInput(InputStream in, SideLog log, RecordTranscript transcript) {
        this(in, log, transcript, () -> { });
    }

    /** {@code onEof}: run once when the peer closes cleanly (end of stream, not a reset), while the socket is open. */
    ObservedInput(InputStream in, SideLog log, RecordTranscript transcript, Runnable onEof) {
        super(in);
        this.log = log;
        this.transcript = transcript;
        this.onEof = onEof;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n;
        try {
            n = super.read(b, off, len);
        } catch (SocketTimeoutException e) {
            log.timedOut();
            log.muteAlerts();
            throw e;
        } catch (IOException e) {
            // connection reset: the peer is gone, as with EOF
            peerEnded();
            log.muteAlerts();
            throw e;
        }
        if (n < 0) {
            boolean first = !ended;
            peerEnded();
            log.muteAlerts();
            if (first) {
                onEof.run();
            }
        } else if (n > 0) {
            transcript.received(b, off, n);
        }
        return n;
    }

    private void peerEnded() {
        log.peerClosed();
        if (!ended) {
            ended = true;
            transcript.closed(false);
        }
    }
}
