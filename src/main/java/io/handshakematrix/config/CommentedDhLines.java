package io.handshakematrix.config;

import io.handshakematrix.yaml.InputFiles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The [DH] lines a customer commented out in configssl.cnf ({@code #DH_1024_RECEIVE_SIDE = dh1024.pem}): someone
 * already tried or prepared that table, so the fix is shown as that line uncommented (pointed at a stronger file
 * where needed) rather than as a new line.
 */
public final class CommentedDhLines {
    private static final Pattern COMMENTED = Pattern.compile("^\\s*[#;]+\\s*([A-Za-z0-9_]+)\\s*=\\s*(\\S*)\\s*$");
    private static final int MAX_BYTES = 1 << 20;

    /** One commented-out [DH] key of the product, with its value as written and its line. */
    public record Line(String key, int bits, String value, int line, String text) {
    }

    private CommentedDhLines() {}

    public static List<Line> of(ConfigSsl config, ProductProfile product) {
        List<Line> out = new ArrayList<>();
        if (config == null || !config.file().toFile().isFile()) {
            return out;
        }
        List<String> lines = new String(InputFiles.read(config.file(), MAX_BYTES, "a configssl.cnf file"),
                StandardCharsets.ISO_8859_1).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = COMMENTED.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            for (var k : product.dhKeys().entrySet()) {
                if (k.getKey().equalsIgnoreCase(m.group(1))) {
                    out.add(new Line(k.getKey(), k.getValue(), m.group(2), i + 1, lines.get(i).strip()));
                }
            }
        }
        return out;
    }
}
