package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.profile.ClientPolicy;
import java.io.IOException;
import java.util.Vector;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsKeyExchangeFactory;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsDHGroupVerifier;
import org.bouncycastle.tls.TlsKeyExchange;
import org.bouncycastle.tls.TlsKeyExchangeFactory;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;

/** A sender profile as a BouncyCastle TLS client. */
final class EmulatedClient extends DefaultTlsClient {
    private final SenderSpec spec;
    private final SideLog log;
    private final PeerEvents events;

    EmulatedClient(TlsCrypto crypto, SenderSpec spec, SideLog log) {
        super(crypto);
        this.spec = spec;
        this.log = log;
        this.events = new PeerEvents(log, spec.profile().client().log());
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return Protocols.supported(spec.profile().protocols(), spec.maxProtocol());
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return spec.profile().cipherSuites().stream().mapToInt(CipherSuites::code).toArray();
    }

    /** OpenSSL 1.0.x sends no FFDHE groups (RFC 7919 came later), so the server picks the DH group. */
    @Override
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        return new Vector();
    }

    @Override
    public TlsKeyExchangeFactory getKeyExchangeFactory() {
        ClientPolicy policy = spec.profile().client();
        int minBits = policy.effectiveMinBits(spec.minDhBitsOverride());
        return new DefaultTlsKeyExchangeFactory() {
            @Override
            public TlsKeyExchange createDHEKeyExchangeClient(int keyExchange, TlsDHGroupVerifier verifier) {
                return new ProfiledDheKeyExchange(keyExchange, policy, minBits, log);
            }
        };
    }

    @Override
    public TlsAuthentication getAuthentication() {
        // Like openssl s_client without -verify: the certificate is received, not judged.
        return new ServerOnlyTlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
            }
        };
    }

    @Override
    public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
        events.alertRaised(level, description, message, cause);
    }

    @Override
    public void notifyAlertReceived(short level, short description) {
        events.alertReceived(level, description);
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        events.handshakeComplete(context);
    }

    PeerEvents events() {
        return events;
    }
}
