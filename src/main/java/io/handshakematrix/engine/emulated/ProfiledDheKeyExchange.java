package io.handshakematrix.engine.emulated;

import io.handshakematrix.dh.DhChecks;
import io.handshakematrix.engine.SideLog;
import io.handshakematrix.profile.CheckStage;
import io.handshakematrix.profile.ClientPolicy;
import io.handshakematrix.profile.DhCheck;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.TlsDHEKeyExchange;
import org.bouncycastle.tls.TlsFatalAlert;

/**
 * A client DHE key exchange that applies the sender profile's checks where the real stack does:
 * while parsing the ServerKeyExchange, right after it, or when computing the key for the
 * ClientKeyExchange. A failed check sends the profile's alert (or none) and logs its exact lines.
 */
final class ProfiledDheKeyExchange extends TlsDHEKeyExchange {
    private final ClientPolicy policy;
    private final int minBits;
    private final SideLog log;
    private ParsedServerDh params;

    ProfiledDheKeyExchange(int keyExchange, ClientPolicy policy, int minBits, SideLog log) {
        super(keyExchange, group -> true); // accept every group here; the profile's checks decide
        this.policy = policy;
        this.minBits = minBits;
        this.log = log;
    }

    @Override
    public void processServerKeyExchange(InputStream input) throws IOException {
        byte[] body = input.readAllBytes();
        params = ParsedServerDh.parse(body, org.bouncycastle.tls.TlsUtils.isTLSv12(context));
        if (params == null) {
            // RFC 5246 7.2.2: a message whose lengths do not add up is a decode_error, whatever the stack.
            throw new TlsFatalAlert(AlertDescription.decode_error, "ServerKeyExchange lengths run past the message end");
        }
        log.dhBits(params.p().bitLength());
        log.tempKey(TempKeys.dh(params.p().bitLength()));
        check(CheckStage.SERVER_KEY_EXCHANGE);
        check(CheckStage.AFTER_SERVER_KEY_EXCHANGE);
        // OpenSSL 1.0.x does not know RFC 7919: an ffdhe group is a group like any other (see BcInternals).
        org.bouncycastle.tls.SecurityParameters sp = context.getSecurityParametersHandshake();
        int[] groups = BcInternals.swapClientSupportedGroups(sp, null);
        try {
            super.processServerKeyExchange(new ByteArrayInputStream(body));
        } finally {
            BcInternals.swapClientSupportedGroups(sp, groups);
        }
    }

    @Override
    public void generateClientKeyExchange(OutputStream output) throws IOException {
        check(CheckStage.CLIENT_KEY_EXCHANGE);
        super.generateClientKeyExchange(output);
    }

    private void check(CheckStage stage) throws TlsFatalAlert {
        DhCheck failed = DhChecks.firstFailure(policy, stage, minBits, params.p(), params.g(), params.ys(),
                params.sigAlg()).orElse(null);
        if (failed != null) {
            fail(failed, log);
        }
    }

    /** Logs the check's lines and aborts with its alert, or with none (the stack closes). */
    static void fail(DhCheck failed, SideLog log) throws TlsFatalAlert {
        log.gaveUp(failed.kind().yamlName(), failed.errorLines());
        if (failed.alert() == null) {
            log.muteAlerts();
            throw new TlsFatalAlert(AlertDescription.internal_error, failed.kind().yamlName() + " (no alert)");
        }
        throw new TlsFatalAlert(failed.alert().shortValue(), failed.kind().yamlName());
    }
}
