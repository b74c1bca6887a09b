package io.handshakematrix.engine.emulated;

import io.handshakematrix.engine.wire.HelloMessage;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The real RHEL builds' ClientHello, rebuilt byte for byte from docs/stacks.md "On the wire" (random zero), to
 * replay to a real server: its answer is what the real RHEL client gets, measured rather than assumed.
 */
final class RealHellos {
    // docs/stacks.md "ClientHello, RHEL 6.10 (1.0.1e-58)" and "RHEL 7.7 (1.0.2k-19)", verbatim.
    static final String SUITES_610 = "c030 c02c c028 c024 c014 c00a 00a3 009f 006b 006a 0039 0038 0088 0087 c032 "
            + "c02e c02a c026 c00f c005 009d 003d 0035 0084 c02f c02b c027 c023 c013 c009 00a2 009e 0067 0040 0033 0032 "
            + "009a 0099 0045 0044 c031 c02d c029 c025 c00e c004 009c 003c 002f 0096 0041 c012 c008 0016 0013 c00d c003 "
            + "000a 0007 c011 c007 c00c c002 0005 0004 00ff";
    static final String SUITES_77 = "c030 c02c c028 c024 c014 c00a 00a5 00a3 00a1 009f 006b 006a 0069 0068 0039 "
            + "0038 0037 0036 0088 0087 0086 0085 c032 c02e c02a c026 c00f c005 009d 003d 0035 0084 c02f c02b c027 c023 "
            + "c013 c009 00a4 00a2 00a0 009e 0067 0040 003f 003e 0033 0032 0031 0030 009a 0099 0098 0097 0045 0044 0043 "
            + "0042 c031 c02d c029 c025 c00e c004 009c 003c 002f 0096 0041 c012 c008 0016 0013 0010 000d c00d c003 000a "
            + "0007 c011 c007 c00c c002 0005 0004 00ff";
    static final String POINT_FORMATS = "03000102";
    static final String CURVES_610 = "0006001900180017";
    static final String CURVES_77 = "00080017001900180016";
    static final String SIGALGS = "001e060106020603050105020503040104020403030103020303020102020203";
    static final String HEARTBEAT = "01";

    private RealHellos() {}

    static byte[] rhel610() {
        return record(SUITES_610, CURVES_610);
    }

    static byte[] rhel77() {
        return record(SUITES_77, CURVES_77);
    }

    /** Record version 0301, client_version 0303, empty session id, compression 00, the five extensions. */
    static byte[] record(String suites, String curves) {
        HexFormat h = HexFormat.of();
        List<Integer> codes = Arrays.stream(suites.split(" ")).map(s -> Integer.parseInt(s, 16)).toList();
        List<HelloMessage.Extension> ext = List.of(new HelloMessage.Extension(11, h.parseHex(POINT_FORMATS)),
                new HelloMessage.Extension(10, h.parseHex(curves)), new HelloMessage.Extension(35, new byte[0]),
                new HelloMessage.Extension(13, h.parseHex(SIGALGS)), new HelloMessage.Extension(15, h.parseHex(HEARTBEAT)));
        byte[] msg = new HelloMessage(HelloMessage.CLIENT_HELLO, 0x0303, new byte[32], new byte[0], codes, List.of(0),
                ext, true).encode();
        byte[] rec = new byte[5 + msg.length];
        rec[0] = 22;
        rec[1] = 3;
        rec[2] = 1;
        rec[3] = (byte) (msg.length >>> 8);
        rec[4] = (byte) msg.length;
        System.arraycopy(msg, 0, rec, 5, msg.length);
        return rec;
    }

    /**
     * What a server answers to {@code clientHello}: "suite c030 extensions [65281, 11, 35]" for a ServerHello,
     * "alert 40" for an alert, "closed" if it hangs up.
     */
    static String answer(InetSocketAddress server, byte[] clientHello) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(server, 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(clientHello);
            s.getOutputStream().flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[5];
            try {
                in.readFully(header);
            } catch (IOException e) {
                return "closed";
            }
            int len = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
            byte[] body = new byte[len];
            in.readFully(body);
            if (header[0] == 21) {
                return "alert " + (body[1] & 0xFF);
            }
            java.io.ByteArrayOutputStream hs = new java.io.ByteArrayOutputStream();
            hs.write(body);
            List<byte[]> msgs = messages(hs.toByteArray());
            // read on to ServerHelloDone (14): the ServerKeyExchange names the ECDHE group the server chose
            while (msgs.isEmpty() || msgs.get(msgs.size() - 1)[0] != 14) {
                in.readFully(header);
                if (header[0] != 22) {
                    break;
                }
                byte[] more = new byte[((header[3] & 0xFF) << 8) | (header[4] & 0xFF)];
                in.readFully(more);
                hs.write(more);
                msgs = messages(hs.toByteArray());
            }
            byte[] first = msgs.get(0);
            HelloMessage sh = HelloMessage.decode(first, 0, first.length).orElseThrow(
                    () -> new IOException("not a ServerHello: " + HexFormat.of().formatHex(first)));
            String group = msgs.stream().filter(m -> m[0] == 12 && m.length > 7 && m[4] == 3)
                    .map(m -> String.format(" group %02x%02x", m[5], m[6])).findFirst().orElse("");
            return String.format("suite %04x%s extensions %s", sh.cipherSuites().get(0), group, sh.extensionTypes());
        }
    }

    /** Whole handshake messages (type, length, body) at the start of {@code b}; a partial last one is left out. */
    static List<byte[]> messages(byte[] b) {
        List<byte[]> out = new java.util.ArrayList<>();
        int p = 0;
        while (p + 4 <= b.length) {
            int len = ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
            if (p + 4 + len > b.length) {
                break;
            }
            out.add(Arrays.copyOfRange(b, p, p + 4 + len));
            p += 4 + len;
        }
        return out;
    }
}
