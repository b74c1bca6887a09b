package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.SideLog;
import io.handshakematrix.engine.wire.HandshakeNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.bouncycastle.tls.ContentType;
import org.bouncycastle.tls.HandshakeMessageInput;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsServerProtocol;

/**
 * BouncyCastle protocol classes that note the last handshake message a side processed (the point
 * where it stopped) and keep alerts off the wire when the emulated stack would send none.
 * Fatal alerts bypass safeWriteRecord, so writeRecord is the one place to see them.
 */
final class LoggingProtocols {
    private LoggingProtocols() {}

    static final class Client extends TlsClientProtocol {
        private final SideLog log;
        private HelloOrder helloOrder;

        Client(InputStream in, OutputStream out, SideLog log) {
            super(in, out);
            this.log = log;
        }

        /** Send our hello with its extensions in this order (the profile's), not BouncyCastle's. */
        Client withHelloOrder(HelloOrder order) {
            this.helloOrder = order;
            return this;
        }

        @Override
        protected void handleHandshakeMessage(short type, HandshakeMessageInput buf) throws IOException {
            log.lastReceived(HandshakeNames.of(type));
            super.handleHandshakeMessage(type, buf);
        }

        @Override
        protected void writeRecord(short type, byte[] buf, int off, int len) throws IOException {
            if (!LoggingProtocols.admit(log, type, buf, off, len)) {
                return;
            }
            byte[] hello = type == ContentType.handshake && helloOrder != null ? helloOrder.rewrite(this, buf, off, len)
                    : null;
            if (hello != null) {
                super.writeRecord(type, hello, 0, hello.length);
                return;
            }
            super.writeRecord(type, buf, off, len);
        }
    }

    static final class Server extends TlsServerProtocol {
        private final SideLog log;
        private HelloOrder helloOrder;
        private boolean acceptRenegotiation;

        /** Carry out a client's secure renegotiation (OpenSSL 1.0.x does) instead of BouncyCastle's refusal. */
        Server acceptingRenegotiation(boolean accept) {
            this.acceptRenegotiation = accept;
            return this;
        }

        @Override
        protected int getRenegotiationPolicy() {
            return acceptRenegotiation ? org.bouncycastle.tls.RenegotiationPolicy.ACCEPT : super.getRenegotiationPolicy();
        }

        Server(InputStream in, OutputStream out, SideLog log) {
            super(in, out);
            this.log = log;
        }

        /** Send our hello with its extensions in this order (the profile's), not BouncyCastle's. */
        Server withHelloOrder(HelloOrder order) {
            this.helloOrder = order;
            return this;
        }

        @Override
        protected void handleHandshakeMessage(short type, HandshakeMessageInput buf) throws IOException {
            log.lastReceived(HandshakeNames.of(type));
            super.handleHandshakeMessage(type, buf);
        }

        @Override
        protected void writeRecord(short type, byte[] buf, int off, int len) throws IOException {
            if (!LoggingProtocols.admit(log, type, buf, off, len)) {
                return;
            }
            byte[] hello = type == ContentType.handshake && helloOrder != null ? helloOrder.rewrite(this, buf, off, len)
                    : null;
            if (hello != null) {
                super.writeRecord(type, hello, 0, hello.length);
                return;
            }
            super.writeRecord(type, buf, off, len);
        }
    }

    /** False for an alert the emulated stack would not send; records sent alerts otherwise. */
    static boolean admit(SideLog log, short type, byte[] buf, int off, int len) {
        if (type != ContentType.alert || len < 2) {
            return true;
        }
        if (log.alertsMuted()) {
            return false;
        }
        if (buf[off] == 2) {
            log.alertSent(buf[off + 1] & 0xFF);
        }
        return true;
    }
}
