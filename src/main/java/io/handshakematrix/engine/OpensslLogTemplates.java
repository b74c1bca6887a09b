package io.handshakematrix.engine;

import java.util.List;

/**
 * Fills a profile's log-line templates for a received alert: {@code {alert}} number, {@code {reason}}
 * (OpenSSL's text, e.g. "sslv3 alert handshake failure"), {@code {code}} (1.0.x error code
 * ERR_PACK(SSL, SSL3_READ_BYTES, 1000 + alert)), {@code {code3}} (3.0 code ERR_PACK(SSL, 0, 1000 + alert)),
 * {@code {alert_name}} (RFC name, as JSSE prints it: "Received fatal alert: handshake_failure").
 */
public final class OpensslLogTemplates {
    private OpensslLogTemplates() {}

    public static List<String> alertReceived(List<String> templates, int alert) {
        String code = String.format("%08X", 0x14094000 + 1000 + alert);
        String code3 = String.format("%08X", 0x0A000000 + 1000 + alert);
        return templates.stream()
                .map(t -> t.replace("{code}", code).replace("{code3}", code3)
                        .replace("{reason}", reason(alert)).replace("{alert}", Integer.toString(alert))
                        .replace("{alert_name}", io.handshakematrix.model.TlsAlerts.name(alert)))
                .toList();
    }

    /** OpenSSL's SSL_R_SSLV3_ALERT_* / SSL_R_TLSV1_ALERT_* reason strings (ssl/ssl_err.c). */
    public static String reason(int alert) {
        return switch (alert) {
            case 0 -> "sslv3 alert close notify";
            case 10 -> "sslv3 alert unexpected message";
            case 20 -> "sslv3 alert bad record mac";
            case 22 -> "tlsv1 alert record overflow";
            case 40 -> "sslv3 alert handshake failure";
            case 42 -> "sslv3 alert bad certificate";
            case 43 -> "sslv3 alert unsupported certificate";
            case 46 -> "sslv3 alert certificate unknown";
            case 47 -> "sslv3 alert illegal parameter";
            case 48 -> "tlsv1 alert unknown ca";
            case 50 -> "tlsv1 alert decode error";
            case 51 -> "tlsv1 alert decrypt error";
            case 70 -> "tlsv1 alert protocol version";
            case 71 -> "tlsv1 alert insufficient security";
            case 80 -> "tlsv1 alert internal error";
            case 86 -> "tlsv1 alert inappropriate fallback";
            default -> "alert " + alert;
        };
    }
}
