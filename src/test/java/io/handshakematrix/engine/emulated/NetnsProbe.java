package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.profile.ProfileCatalog;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Run inside a network namespace the test creates (for a server that cannot bind 127.0.0.1 only, gnutls-serv):
 * waits for the port, then prints two lines: what the emulated sender got, and what the server answered to
 * the real build's ClientHello bytes. Args: port, sender profile.
 */
public final class NetnsProbe {
    private NetnsProbe() {}

    public static void main(String[] args) throws Exception {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]));
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(server, 200);
                break;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
        try (EmulatedEngine engine = new EmulatedEngine()) {
            SideReport r = engine.connectTo(new SenderSpec(ProfileCatalog.builtin().get(args[1]), "TLSv1.2", 0,
                    Duration.ofSeconds(10)), server, false, false);
            System.out.println("emulated: " + RealPeerJudgesTest.verdict(r));
        }
        byte[] hello = args[1].startsWith("rhel-7.7") ? RealHellos.rhel77() : RealHellos.rhel610();
        System.out.println("real hello: " + RealHellos.answer(server, hello));
    }
}
