import java.io.FileInputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A JDK TLS 1.2 server on 127.0.0.1 that requires the extended master secret (RFC 7627): run with
 * -Djdk.tls.allowLegacyMasterSecret=false. Args: port, PKCS#12 file, password. Serves until killed.
 */
public class EmsRequiringServer {
    public static void main(String[] a) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(a[1])) {
            ks.load(in, a[2].toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, a[2].toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(kmf.getKeyManagers(), null, null);
        try (SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory()
                .createServerSocket(Integer.parseInt(a[0]), 50, InetAddress.getLoopbackAddress())) {
            ss.setEnabledProtocols(new String[] {"TLSv1.2"});
            System.out.println("listening");
            while (true) {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.startHandshake();
                    System.out.println("handshake ok " + s.getSession().getCipherSuite());
                } catch (Exception e) {
                    System.out.println("handshake failed: " + e);
                }
            }
        }
    }
}
