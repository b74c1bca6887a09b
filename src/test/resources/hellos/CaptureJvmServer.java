import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.jvm.JvmEngine;
import io.handshakematrix.profile.ProfileCatalog;
import java.io.*;
import java.net.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

/** Twins' real answer. Run: javac -cp target/handshake-matrix.jar CaptureJvmServer.java && java -cp target/handshake-matrix.jar:. CaptureJvmServer jdk-17 hellos/jdk-17-twin-client-hello.hex
 * The first server flight of a jvm-tier receiver (real JSSE / BCJSSE) answering a ClientHello file, as hex. */
public class CaptureJvmServer {
    public static void main(String[] a) throws Exception {
        ProfileCatalog p = ProfileCatalog.builtin();
        try (JvmEngine engine = new JvmEngine()) {
            String id = a[0];
            String hex = String.join("", Files.readAllLines(Path.of(a[1])).stream().filter(l -> !l.startsWith("#")).toList());
            byte[] hello = HexFormat.of().parseHex(hex.trim());
            ReceiverSpec spec = new ReceiverSpec(p.get(id), p.get(id).cipherSuites(), DhGroupCatalog.builtin().resolve("ffdhe2048", null), Duration.ofSeconds(10));
            try (RunningReceiver r = engine.serve(spec); Socket s = new Socket()) {
                s.connect(r.address(), 5000); s.setSoTimeout(5000);
                s.getOutputStream().write(hello); s.getOutputStream().flush();
                DataInputStream d = new DataInputStream(s.getInputStream());
                ByteArrayOutputStream hs = new ByteArrayOutputStream();
                for (int i = 0; i < 6; i++) {
                    byte[] h = new byte[5]; d.readFully(h);
                    byte[] b = new byte[((h[3] & 0xFF) << 8) | (h[4] & 0xFF)]; d.readFully(b);
                    if (h[0] != 22) { System.out.println("record " + h[0] + " " + HexFormat.of().formatHex(b)); break; }
                    hs.write(b);
                    byte[] all = hs.toByteArray();
                    // stop at ServerHelloDone (type 14 with length 0 at the end)
                    if (all.length >= 4 && all[all.length - 4] == 14 && all[all.length - 1] == 0 && all[all.length - 2] == 0) break;
                }
                System.out.println(HexFormat.of().formatHex(hs.toByteArray()));
            }
        }
    }
}
