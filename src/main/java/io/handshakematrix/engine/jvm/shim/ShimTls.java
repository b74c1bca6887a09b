package io.handshakematrix.engine.jvm.shim;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The child's TLS stack: the JDK's own JSSE, or BCJSSE in FIPS mode over the bc-fips provider.
 * bc-fips is loaded by name because it is only on the child's classpath (it cannot share one with
 * bcprov, which the harness uses).
 */
final class ShimTls {
    static final String SUN = "sunjsse";
    static final String BC_FIPS = "bc-fips";

    private ShimTls() {}

    /** Installs the provider and returns the name of the JSSE provider to ask for contexts. */
    static String install(String provider) throws ReflectiveOperationException {
        if (SUN.equals(provider)) {
            return "SunJSSE";
        }
        if (!BC_FIPS.equals(provider)) {
            throw new IllegalArgumentException("unknown provider " + provider + "; expected " + SUN + " or " + BC_FIPS);
        }
        Provider fips = (Provider) Class.forName("org.bouncycastle.jcajce.provider.BouncyCastleFipsProvider")
                .getConstructor().newInstance();
        // docs/notes.md: new BouncyCastleJsseProvider(true, new BouncyCastleFipsProvider()) = BCJSSE in FIPS mode.
        Provider jsse = (Provider) Class.forName("org.bouncycastle.jsse.provider.BouncyCastleJsseProvider")
                .getConstructor(boolean.class, Provider.class).newInstance(true, fips);
        Security.insertProviderAt(fips, 1);
        Security.insertProviderAt(jsse, 2);
        return jsse.getName();
    }

    /** A context with the harness's receiver identity and a client that judges no certificate (s_client style). */
    static SSLContext context(String jsseProvider, byte[] pkcs8Key, byte[] certDer) throws GeneralSecurityException {
        try {
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8Key));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certDer));
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = "in-memory".toCharArray(); // never written anywhere
            ks.setKeyEntry("receiver", key, pw, new Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS", jsseProvider);
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {new AcceptAll()}, null);
            return ctx;
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** Like openssl s_client without -verify: the certificate is received, not judged. */
    private static final class AcceptAll implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
