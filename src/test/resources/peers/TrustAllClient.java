import java.net.InetAddress;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A JDK TLS 1.2 client to 127.0.0.1:port that accepts any certificate; prints the suite or the failure. */
public class TrustAllClient {
    public static void main(String[] a) throws Exception {
        TrustManager trustAll = new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] c, String t) {}
            public void checkServerTrusted(X509Certificate[] c, String t) {}
            public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(null, new TrustManager[] {trustAll}, null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                Integer.parseInt(a[0]))) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.startHandshake();
            System.out.println("handshake ok " + s.getSession().getCipherSuite());
        } catch (Exception e) {
            System.out.println("handshake failed: " + e);
        }
    }
}
