package io.handshakematrix.profile;

import java.util.HexFormat;

/** One extension of a hello as it goes on the wire: type and extension_data (without the type and length). */
public record HelloExtension(int type, byte[] data) {

    public String name() {
        return TlsCodes.extensionName(type);
    }

    public String hex() {
        return HexFormat.of().formatHex(data);
    }

    public byte[] data() {
        return data.clone();
    }
}
