package io.handshakematrix.engine.emulated;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.profile.ServerDhRule;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.DefaultTlsKeyExchangeFactory;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsDHEKeyExchange;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsKeyExchange;
import org.bouncycastle.tls.TlsKeyExchangeFactory;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsDHConfig;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A receiver profile as a BouncyCastle TLS server. It serves exactly the configured DH group, however
 * small or broken, unless the profile says the real stack cannot (then it does what the profile says).
 */
final class EmulatedServer extends DefaultTlsServer {
    private final BcTlsCrypto crypto;
    private final ReceiverSpec spec;
    private final ServerIdentity identity;
    private final Certificate chain;
    private final SideLog log;
    private final PeerEvents events;

    EmulatedServer(BcTlsCrypto crypto, ReceiverSpec spec, ServerIdentity identity, Certificate chain, SideLog log) {
        super(crypto);
        this.crypto = crypto;
        this.spec = spec;
        this.identity = identity;
        this.chain = chain;
        this.log = log;
        this.events = new PeerEvents(log, spec.profile().server().log());
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return Protocols.supported(spec.profile().protocols(), null);
    }

    /** The receiver's settings' suites that its stack allows; DHE dropped when the group is unusable. */
    @Override
    protected int[] getSupportedCipherSuites() {
        boolean dropDhe = rule(ServerDhRule.Action.DROP_DHE).isPresent();
        return spec.cipherSuites().stream()
                .filter(s -> spec.profile().cipherSuites().contains(s))
                .filter(s -> !(dropDhe && CipherSuites.isDhe(s)))
                .mapToInt(CipherSuites::code).toArray();
    }

    @Override
    public int getSelectedCipherSuite() throws IOException {
        try {
            return super.getSelectedCipherSuite();
        } catch (TlsFatalAlert e) {
            if (e.getAlertDescription() == AlertDescription.handshake_failure
                    && events.noSharedCipher(getSupportedCipherSuites().length == 0)) {
                log.muteAlerts(); // no suite enabled at all: the stack closes without an alert
            }
            throw e;
        }
    }

    @Override
    public TlsDHConfig getDHConfig() throws IOException {
        Optional<ServerDhRule> failing = rule(ServerDhRule.Action.CLOSE_NO_ALERT)
                .or(() -> rule(ServerDhRule.Action.SEND_ALERT));
        if (failing.isPresent()) {
            ServerDhRule r = failing.get();
            log.gaveUp(r.errorLines());
            if (r.alert() == null) {
                log.muteAlerts();
                throw new TlsFatalAlert(AlertDescription.internal_error, "unusable DH parameters (no alert)");
            }
            throw new TlsFatalAlert(r.alert().shortValue(), "unusable DH parameters");
        }
        DhGroup g = spec.dhGroup();
        org.bouncycastle.tls.crypto.DHGroup group = new org.bouncycastle.tls.crypto.DHGroup(g.p(), null, g.g(), 0);
        if (spec.hostile().ys() != null) {
            return new RawDhCrypto.ForcedYsConfig(group, spec.hostile().ys().of(g.p()));
        }
        return new TlsDHConfig(group);
    }

    /** Hostile tests only: a ServerKeyExchange whose dh_p length claims 65535 bytes the message does not have. */
    @Override
    public TlsKeyExchangeFactory getKeyExchangeFactory() throws IOException {
        if (!spec.hostile().skeLengthPastEnd()) {
            return super.getKeyExchangeFactory();
        }
        return new DefaultTlsKeyExchangeFactory() {
            @Override
            public TlsKeyExchange createDHEKeyExchangeServer(int keyExchange, TlsDHConfig dhConfig) {
                return new TlsDHEKeyExchange(keyExchange, dhConfig) {
                    @Override
                    public byte[] generateServerKeyExchange() throws IOException {
                        byte[] ske = super.generateServerKeyExchange();
                        ske[0] = (byte) 0xFF;
                        ske[1] = (byte) 0xFF;
                        return ske;
                    }
                };
            }
        };
    }

    private Optional<ServerDhRule> rule(ServerDhRule.Action action) {
        DhGroup g = spec.dhGroup();
        if (g == null) {
            return Optional.empty();
        }
        return spec.profile().server().unusableDh().stream()
                .filter(r -> r.action() == action)
                .filter(r -> r.appliesTo(g.p()))
                .findFirst();
    }

    @Override
    protected TlsCredentialedDecryptor getRSAEncryptionCredentials() {
        return new BcDefaultTlsCredentialedDecryptor(crypto, certificate(), identity.privateKey());
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, identity.privateKey(),
                certificate(), signatureAlgorithm());
    }

    /** TLS 1.2: an RSA PKCS#1 scheme from the client's list (SHA-256 preferred); earlier versions: none. */
    private SignatureAndHashAlgorithm signatureAlgorithm() {
        if (!TlsUtils.isTLSv12(context)) {
            return null;
        }
        Vector<?> offered = context.getSecurityParametersHandshake().getClientSigAlgs();
        if (offered == null) {
            return new SignatureAndHashAlgorithm(HashAlgorithm.sha1, SignatureAlgorithm.rsa); // RFC 5246 7.4.1.4.1
        }
        SignatureAndHashAlgorithm any = null;
        for (Object o : offered) {
            SignatureAndHashAlgorithm a = (SignatureAndHashAlgorithm) o;
            if (a.getSignature() == SignatureAlgorithm.rsa) {
                if (a.getHash() == HashAlgorithm.sha256) {
                    return a;
                }
                any = any == null ? a : any;
            }
        }
        return any != null ? any : new SignatureAndHashAlgorithm(HashAlgorithm.sha1, SignatureAlgorithm.rsa);
    }

    private Certificate certificate() {
        return chain;
    }

    /** The receivers' certificate chain, parsed once per run (it is immutable and shared by every cell). */
    static Certificate chainOf(BcTlsCrypto crypto, ServerIdentity identity) {
        try {
            TlsCertificate c = crypto.createCertificate(identity.certificateDer());
            return new Certificate(new TlsCertificate[] {c});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        if (CipherSuites.isDhe(events.handshakeComplete(context))) {
            log.dhBits(spec.dhGroup().bits());
        }
    }

    PeerEvents events() {
        return events;
    }

}
