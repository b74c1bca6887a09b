package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.profile.ClientHelloProfile;
import io.handshakematrix.profile.ClientPolicy;
import io.handshakematrix.profile.HelloExtension;
import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsKeyExchangeFactory;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsDHGroupVerifier;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsKeyExchange;
import org.bouncycastle.tls.TlsKeyExchangeFactory;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCrypto;

/**
 * A sender profile as a BouncyCastle TLS client. With a {@code client_hello:} in the profile it sends that
 * hello: the suites in order (also those BouncyCastle cannot complete: if the server picks one, the cell is
 * an honest harness error, never a made-up success), the extensions in order with their contents, EMS only
 * if listed, and it connects to legacy servers where the profile says the real client does.
 */
final class EmulatedClient extends DefaultTlsClient {
    private final SenderSpec spec;
    private final SideLog log;
    private final PeerEvents events;
    private final ClientHelloProfile hello;
    private boolean uncompletable;

    EmulatedClient(TlsCrypto crypto, SenderSpec spec, SideLog log) {
        super(crypto);
        this.spec = spec;
        this.log = log;
        this.events = new PeerEvents(log, spec.profile().client().log());
        this.hello = spec.profile().clientHello();
    }

    /** The order the profile's extensions go on the wire in, or null for BouncyCastle's own. */
    HelloOrder helloOrder() {
        return hello == null ? null : new HelloOrder(io.handshakematrix.engine.wire.HelloMessage.CLIENT_HELLO,
                hello.extensionOrder());
    }

    /** The ClientHello's record-layer version the profile states, 0 for BouncyCastle's own. */
    int recordVersion() {
        return hello == null ? 0 : hello.recordVersion();
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return Protocols.supported(spec.profile().protocols(), spec.maxProtocol());
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return spec.profile().cipherSuites().stream().mapToInt(CipherSuites::code).toArray();
    }

    /** The profile's suites as the real build offers them, unfiltered by what BouncyCastle can complete. */
    @Override
    public int[] getCipherSuites() {
        if (hello == null) {
            return super.getCipherSuites();
        }
        // Without TLS 1.3 (a TLSv1.2 cell: `s_client -tls1_2`) the real client sends no TLS 1.3 suite.
        boolean tls13 = Protocols.isTls13(getSupportedVersions());
        return hello.cipherSuites().stream().mapToInt(Integer::intValue).filter(c -> tls13 || (c >> 8) != 0x13).toArray();
    }

    /** docs/stacks.md: the RHEL 8/9 DEFAULT ClientHello carries one key share, x25519 (its first group). */
    @Override
    public Vector getEarlyKeyShareGroups() {
        if (hello == null || hello.groups().isEmpty()) {
            return super.getEarlyKeyShareGroups();
        }
        Vector<Integer> first = new Vector<>();
        first.add(hello.groups().get(0));
        return first;
    }

    /** OpenSSL 1.0.x sends no FFDHE groups (RFC 7919 came later), so the server picks the DH group. */
    @Override
    protected Vector getSupportedGroups(Vector namedGroupRoles) {
        return new Vector();
    }

    /** Exactly the profile's extensions, for the protocols offered (BouncyCastle adds EMS itself when {@link #shouldUseExtendedMasterSecret}). */
    @Override
    public Hashtable getClientExtensions() throws IOException {
        if (hello == null) {
            return super.getClientExtensions();
        }
        Hashtable<Integer, byte[]> out = new Hashtable<>();
        // Without TLS 1.3 (a TLSv1.2 cell) the real 3.0 client leaves its TLS 1.3-only groups (FFDHE) out.
        ClientHelloProfile sent = Protocols.isTls13(getSupportedVersions()) ? hello : hello.forTls12();
        for (HelloExtension e : sent.extensions()) {
            out.put(e.type(), e.data());
        }
        return out;
    }

    @Override
    public boolean shouldUseExtendedMasterSecret() {
        return hello == null ? super.shouldUseExtendedMasterSecret() : hello.has(ClientHelloProfile.EXTENDED_MASTER_SECRET);
    }

    /** RFC 5746 4.1: a client may connect to a server that sends no renegotiation_info; 1.0.x does. */
    @Override
    public void notifySecureRenegotiation(boolean secureRenegotiation) throws IOException {
        if (!secureRenegotiation && hello != null && hello.legacyServer()) {
            return;
        }
        super.notifySecureRenegotiation(secureRenegotiation);
    }

    /** A suite the real build could do but BouncyCastle cannot: stop, and say so as a harness limit. */
    @Override
    public void notifySelectedCipherSuite(int selectedCipherSuite) {
        super.notifySelectedCipherSuite(selectedCipherSuite);
        if (!EmulatedSuites.completable(getCrypto(), selectedCipherSuite)) {
            log.harnessError("the server chose " + CipherSuites.nameOrHex(selectedCipherSuite) + ", which "
                    + spec.profile().id() + " offers as the real build does, but the emulation cannot complete it "
                    + "(BouncyCastle TLS lacks it): not a stack verdict");
            log.muteAlerts();
            uncompletable = true;
        }
    }

    /** Called right after {@link #notifySelectedCipherSuite}, and allowed to abort the handshake. */
    @Override
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        if (uncompletable) {
            throw new TlsFatalAlert(AlertDescription.internal_error, "suite not emulated");
        }
        super.processServerExtensions(serverExtensions);
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

            @Override
            public TlsKeyExchange createECDHEKeyExchangeClient(int keyExchange) {
                return new org.bouncycastle.tls.TlsECDHEKeyExchange(keyExchange) {
                    /** tls12_check_peer_sigalg runs on an ECDHE ServerKeyExchange too: the profile's signature check. */
                    @Override
                    public void processServerKeyExchange(java.io.InputStream input) throws IOException {
                        byte[] body = input.readAllBytes();
                        if (org.bouncycastle.tls.TlsUtils.isTLSv12(context)) {
                            java.util.Optional<io.handshakematrix.profile.DhCheck> failed = io.handshakematrix.dh.DhChecks
                                    .signatureFailure(policy, ParsedServerDh.ecdheSigAlg(body));
                            if (failed.isPresent()) {
                                ProfiledDheKeyExchange.fail(failed.get(), log);
                            }
                        }
                        super.processServerKeyExchange(new java.io.ByteArrayInputStream(body));
                        log.tempKey(TempKeys.ecdh(ecConfig.getNamedGroup()));
                    }
                };
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
        if (org.bouncycastle.tls.TlsUtils.isTLSv13(context)) { // the key_share group: OpenSSL's "Server Temp Key"
            log.tempKey(TempKeys.group(context.getSecurityParametersConnection().getNegotiatedGroup()));
        }
    }

    PeerEvents events() {
        return events;
    }
}
