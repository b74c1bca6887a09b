package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.ServerIdentity;
import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.profile.ServerDhRule;
import java.io.IOException;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Vector;
import io.handshakematrix.model.CertificateType;
import io.handshakematrix.profile.ClientHelloProfile;
import io.handshakematrix.profile.ServerHelloProfile;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.NewSessionTicket;
import org.bouncycastle.tls.TlsECCUtils;
import org.bouncycastle.tls.crypto.TlsECConfig;
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
 * With a {@code server_hello:} in the profile it answers as the real stack does: only the extensions it
 * knows (no EMS or encrypt-then-MAC for OpenSSL 1.0.x), a session ticket with an empty session id,
 * the client's suite order, the client's first usable signature algorithm, legacy clients accepted.
 */
final class EmulatedServer extends DefaultTlsServer {
    private final BcTlsCrypto crypto;
    private final ReceiverSpec spec;
    private final ServerIdentity identity;
    private final Certificate chain;
    private final SideLog log;
    private final PeerEvents events;
    private final ServerHelloProfile hello;
    private final ServerMisbehaviour misbehaviour;

    EmulatedServer(BcTlsCrypto crypto, ReceiverSpec spec, ServerIdentity identity, Certificate chain, SideLog log,
                   ServerMisbehaviour misbehaviour) {
        super(crypto);
        this.misbehaviour = misbehaviour;
        this.crypto = crypto;
        this.spec = spec;
        this.identity = identity;
        this.chain = chain;
        this.log = log;
        this.events = new PeerEvents(log, spec.profile().server().log());
        this.hello = spec.profile().serverHello();
    }

    /** The order the profile's ServerHello extensions go on the wire in, or null for BouncyCastle's own. */
    HelloOrder helloOrder() {
        return hello == null ? null : new HelloOrder(io.handshakematrix.engine.wire.HelloMessage.SERVER_HELLO, hello.echo());
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        // TLS 1.3 only for the stacks whose TLS 1.3 is modelled (RHEL 8+, under a crypto policy); the others stay at
        // the TLS 1.2 they have always been emulated at (a TLSv1.2 cell caps the client anyway).
        return Protocols.supported(spec.profile().protocols(), spec.profile().hasPolicies() ? null : "TLSv1.2");
    }

    /**
     * The receiver's settings' suites that its stack allows and its certificate can sign or decrypt for;
     * DHE dropped when the group is unusable.
     */
    @Override
    protected int[] getSupportedCipherSuites() {
        boolean dropDhe = rule(ServerDhRule.Action.DROP_DHE).isPresent();
        java.util.Set<String> allowed = new java.util.HashSet<>(spec.profile().cipherSuites());
        allowed.addAll(spec.profile().defaultSuites());
        // Under a crypto policy the application's own cipher list stays set; the policy's security level refuses a
        // suite only when choosing one (SECLEVEL 3 refuses suites without forward secrecy): isSelectableCipherSuite.
        boolean policy = spec.profile().hasPolicies();
        // `-cipher` (the product's list) does not touch the TLS 1.3 suites (docs/stacks.md): the policy's stay on.
        java.util.List<String> tls13 = policy ? spec.profile().defaultSuites().stream()
                .filter(s -> s.startsWith("TLS_")).toList() : java.util.List.of();
        return java.util.stream.Stream.concat(spec.effectiveSuites().stream(), tls13.stream())
                .filter(s -> policy ? CipherSuites.known(s) : allowed.contains(s))
                .filter(s -> !(dropDhe && CipherSuites.isDhe(s)))
                .mapToInt(CipherSuites::code)
                .filter(c -> EmulatedSuites.servable(crypto, c, spec.certificate()))
                .toArray();
    }

    /** A stack that takes supported_groups without an FFDHE group as "no DHE" (profile: dhe_needs_ffdhe_group). */
    @Override
    protected boolean isSelectableCipherSuite(int cipherSuite, int availCurveBits, int availFiniteFieldBits,
                                              Vector sigAlgs) {
        if (spec.profile().hasPolicies() && !spec.profile().allowsSuite(CipherSuites.nameOrHex(cipherSuite))) {
            return false; // enabled by the application, refused by the host's crypto policy
        }
        if (spec.profile().server().dheNeedsFfdheGroup()
                && TlsUtils.getKeyExchangeAlgorithm(cipherSuite) == org.bouncycastle.tls.KeyExchangeAlgorithm.DHE_RSA) {
            int[] groups = context.getSecurityParametersHandshake().getClientSupportedGroups();
            if (groups != null && java.util.Arrays.stream(groups).noneMatch(org.bouncycastle.tls.NamedGroup::isFiniteField)) {
                return false;
            }
        }
        return super.isSelectableCipherSuite(cipherSuite, availCurveBits, availFiniteFieldBits, sigAlgs);
    }

    /** OpenSSL picks the client's first suite it can do unless SSL_OP_CIPHER_SERVER_PREFERENCE is set. */
    @Override
    protected boolean preferLocalCipherSuites() {
        return hello == null ? super.preferLocalCipherSuites() : !hello.clientSuiteOrder();
    }

    @Override
    public boolean shouldUseExtendedMasterSecret() {
        return hello == null ? super.shouldUseExtendedMasterSecret()
                : hello.echoes(ClientHelloProfile.EXTENDED_MASTER_SECRET);
    }

    /** RFC 5746 4.3: a server may accept a client that signals neither SCSV nor renegotiation_info; 1.0.x does. */
    @Override
    public void notifySecureRenegotiation(boolean secureRenegotiation) throws IOException {
        if (!secureRenegotiation && hello != null && hello.legacyClient()) {
            return;
        }
        super.notifySecureRenegotiation(secureRenegotiation);
    }

    /**
     * The profile's answer: each extension it echoes, if the client offered it (renegotiation_info and EMS
     * are BouncyCastle's own, driven by {@link #notifySecureRenegotiation} and {@link #shouldUseExtendedMasterSecret}).
     */
    @Override
    public Hashtable getServerExtensions() throws IOException {
        if (hello == null) {
            return super.getServerExtensions();
        }
        Hashtable<Integer, byte[]> out = new Hashtable<>();
        if (offered(ClientHelloProfile.EC_POINT_FORMATS) && hello.echoes(ClientHelloProfile.EC_POINT_FORMATS)
                && TlsECCUtils.isECCCipherSuite(selectedCipherSuite)) {
            out.put(ClientHelloProfile.EC_POINT_FORMATS, hello.pointFormats());
        }
        if (issuesTicket()) {
            out.put(ClientHelloProfile.SESSION_TICKET, new byte[0]);
        }
        if (offered(ClientHelloProfile.HEARTBEAT) && hello.echoes(ClientHelloProfile.HEARTBEAT)) {
            out.put(ClientHelloProfile.HEARTBEAT, new byte[] {1}); // RFC 6520 2: peer_allowed_to_send
        }
        if (offered(ClientHelloProfile.ENCRYPT_THEN_MAC) && hello.echoes(ClientHelloProfile.ENCRYPT_THEN_MAC)
                && TlsUtils.isBlockCipherSuite(selectedCipherSuite)) {
            out.put(ClientHelloProfile.ENCRYPT_THEN_MAC, new byte[0]);
        }
        return out;
    }

    private boolean offered(int type) {
        return clientExtensions != null && clientExtensions.containsKey(type);
    }

    private boolean issuesTicket() {
        return offered(ClientHelloProfile.SESSION_TICKET) && hello.echoes(ClientHelloProfile.SESSION_TICKET);
    }

    /**
     * OpenSSL sends an empty session id when it will issue a ticket, a 32-byte one otherwise; JSSE and BCJSSE
     * always a 32-byte one ({@code session_id: always}).
     */
    @Override
    public byte[] getNewSessionID() {
        if (hello == null || issuesTicket() && !hello.sessionIdWithTicket()) {
            return super.getNewSessionID();
        }
        return context.getNonceGenerator().generateNonce(32);
    }

    /**
     * An opaque ticket of the real one's size for an empty session (key name 16, IV 16, encrypted state,
     * HMAC 32): no peer can read it, and resumption is not emulated.
     */
    @Override
    public NewSessionTicket getNewSessionTicket() throws IOException {
        if (hello == null) {
            return super.getNewSessionTicket();
        }
        return new NewSessionTicket(hello.ticketLifetimeHint(), context.getNonceGenerator().generateNonce(176));
    }

    /** The profile's ECDHE curve when the client offers it, else BouncyCastle's choice among the client's. */
    @Override
    public TlsECConfig getECDHConfig() throws IOException {
        TlsECConfig c;
        int[] offeredGroups = context.getSecurityParametersHandshake().getClientSupportedGroups();
        if (hello != null && offeredGroups != null && org.bouncycastle.util.Arrays.contains(offeredGroups, hello.ecdhGroup())) {
            c = new TlsECConfig(hello.ecdhGroup());
        } else {
            c = super.getECDHConfig();
        }
        log.tempKey(TempKeys.ecdh(c.getNamedGroup()));
        return c;
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
            log.gaveUp(r.when().yamlName(), r.errorLines());
            if (r.alert() == null) {
                log.muteAlerts();
                throw new TlsFatalAlert(AlertDescription.internal_error, "unusable DH parameters (no alert)");
            }
            throw new TlsFatalAlert(r.alert().shortValue(), "unusable DH parameters");
        }
        DhGroup g = spec.dhGroup();
        org.bouncycastle.tls.crypto.DHGroup group = new org.bouncycastle.tls.crypto.DHGroup(g.p(), null, g.g(), 0);
        org.bouncycastle.crypto.params.DHParameters named = rule(ServerDhRule.Action.USE_NAMED_GROUP)
                .map(r -> io.handshakematrix.profile.FipsDhGroups.sameSize(g.p().bitLength())).orElse(null);
        if (named != null) {
            group = new org.bouncycastle.tls.crypto.DHGroup(named.getP(), null, named.getG(), 0);
        }
        java.math.BigInteger forcedYs = misbehaviour.forcedYs(g.p());
        if (forcedYs != null) {
            return new RawDhCrypto.ForcedYsConfig(group, forcedYs);
        }
        return new TlsDHConfig(group);
    }

    /** Hostile tests only: the ServerKeyExchange as the misbehaviour rewrites it (a length past its end, say). */
    @Override
    public TlsKeyExchangeFactory getKeyExchangeFactory() throws IOException {
        if (misbehaviour.honest()) {
            return super.getKeyExchangeFactory();
        }
        return new DefaultTlsKeyExchangeFactory() {
            @Override
            public TlsKeyExchange createDHEKeyExchangeServer(int keyExchange, TlsDHConfig dhConfig) {
                return new TlsDHEKeyExchange(keyExchange, dhConfig) {
                    @Override
                    public byte[] generateServerKeyExchange() throws IOException {
                        return misbehaviour.serverKeyExchange(super.generateServerKeyExchange());
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
                .filter(r -> r.appliesTo(g.p(), g.g()))
                .findFirst();
    }

    /** TLS 1.3 (RFC 8446 4.4.3): the certificate's key signs the CertificateVerify; BouncyCastle leaves it to us. */
    @Override
    public org.bouncycastle.tls.TlsCredentials getCredentials() throws IOException {
        if (TlsUtils.isTLSv13(context)) {
            return spec.certificate() == io.handshakematrix.model.CertificateType.RSA ? getRSASignerCredentials() : null;
        }
        return super.getCredentials();
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

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, identity.privateKey(),
                certificate(), signatureAlgorithm(SignatureAlgorithm.ecdsa));
    }

    private SignatureAndHashAlgorithm signatureAlgorithm() {
        return signatureAlgorithm(SignatureAlgorithm.rsa);
    }

    /**
     * TLS 1.2: a scheme for the key ({@code rsa} = PKCS#1, never PSS) from the client's list: its first
     * (OpenSSL 1.0.x: 0601 for a 1.0.x client, 0401 for a 3.0 one) or SHA-256 preferred (the emulation's
     * default for profiles without a server_hello). Earlier versions: none.
     */
    private SignatureAndHashAlgorithm signatureAlgorithm(short signature) {
        if (!TlsUtils.isTLSv12(context)) {
            return null;
        }
        if (TlsUtils.isTLSv13(context) && signature == SignatureAlgorithm.rsa) {
            return SignatureAndHashAlgorithm.rsa_pss_rsae_sha256; // RFC 8446 4.2.3: no PKCS#1 v1.5 in TLS 1.3
        }
        Vector<?> offered = context.getSecurityParametersHandshake().getClientSigAlgs();
        if (offered == null || hello != null && hello.skeSignature() == ServerHelloProfile.SkeSignature.SHA1) {
            return new SignatureAndHashAlgorithm(HashAlgorithm.sha1, signature); // RFC 5246 7.4.1.4.1
        }
        boolean pss = hello != null && hello.skeSignature() == ServerHelloProfile.SkeSignature.CLIENT_FIRST_PSS;
        boolean first = pss || hello != null && hello.skeSignature() == ServerHelloProfile.SkeSignature.CLIENT_FIRST;
        SignatureAndHashAlgorithm any = null;
        for (Object o : offered) {
            SignatureAndHashAlgorithm a = (SignatureAndHashAlgorithm) o;
            if (pss && signature == SignatureAlgorithm.rsa && a.getHash() == HashAlgorithm.Intrinsic
                    && a.getSignature() >= SignatureAlgorithm.rsa_pss_rsae_sha256
                    && a.getSignature() <= SignatureAlgorithm.rsa_pss_rsae_sha512) {
                return a; // rsa_pss_rsae_*: signed with the RSA key (RFC 8446 4.2.3, usable in TLS 1.2)
            }
            if (a.getSignature() == signature && HashAlgorithm.isRecognized(a.getHash())) {
                if (first || a.getHash() == HashAlgorithm.sha256) {
                    return a;
                }
                any = any == null ? a : any;
            }
        }
        return any != null ? any : new SignatureAndHashAlgorithm(HashAlgorithm.sha1, signature);
    }

    /** TLS 1.3 (RFC 8446 4.4.2) sends the chain with an empty certificate_request_context and per-entry extensions. */
    private Certificate certificate() {
        if (!TlsUtils.isTLSv13(context)) {
            return chain;
        }
        return new Certificate(TlsUtils.EMPTY_BYTES, new org.bouncycastle.tls.CertificateEntry[] {
            new org.bouncycastle.tls.CertificateEntry(chain.getCertificateAt(0), null)});
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
        String suite = events.handshakeComplete(context);
        if (TlsUtils.isTLSv13(context)) {
            log.tempKey(TempKeys.group(context.getSecurityParametersConnection().getNegotiatedGroup()));
        } else if (CipherSuites.isDhe(suite)) {
            log.dhBits(spec.dhGroup().bits());
            log.tempKey(TempKeys.dh(spec.dhGroup().bits()));
        }
    }

    PeerEvents events() {
        return events;
    }

}
