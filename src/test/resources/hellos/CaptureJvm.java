import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.jvm.JvmEngine;
import io.handshakematrix.profile.ProfileCatalog;
import java.io.*;
import java.net.*;
import java.time.Duration;
import java.util.*;
import java.util.concurrent.*;

/** Twins' real hello. Run: javac -cp target/handshake-matrix.jar CaptureJvm.java && java -cp target/handshake-matrix.jar:. CaptureJvm jdk-17 ...
 * Captures the first record a jvm-tier sender (the real JSSE / BCJSSE in its child JVM) sends, as hex. */
public class CaptureJvm {
    public static void main(String[] a) throws Exception {
        ProfileCatalog p = ProfileCatalog.builtin();
        try (JvmEngine engine = new JvmEngine()) {
            for (String id : a) {
                try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                    CompletableFuture<byte[]> got = CompletableFuture.supplyAsync(() -> {
                        try (Socket s = ss.accept()) {
                            DataInputStream d = new DataInputStream(s.getInputStream());
                            byte[] h = new byte[5]; d.readFully(h);
                            byte[] r = Arrays.copyOf(h, 5 + (((h[3] & 0xFF) << 8) | (h[4] & 0xFF)));
                            d.readFully(r, 5, r.length - 5);
                            return r;
                        } catch (IOException e) { throw new UncheckedIOException(e); }
                    });
                    CompletableFuture.runAsync(() -> engine.connect(new SenderSpec(p.get(id), "TLSv1.2", 0, Duration.ofSeconds(10)),
                            (InetSocketAddress) ss.getLocalSocketAddress()));
                    System.out.println(id + " " + HexFormat.of().formatHex(got.get(60, TimeUnit.SECONDS)));
                }
            }
        }
    }
}
