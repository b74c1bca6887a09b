package io.handshakematrix.config;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.yaml.InputError;
import io.handshakematrix.yaml.InputFiles;
import io.handshakematrix.yaml.TextBytes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a receiver's configssl.cnf: {@code [RSAKEY]} with {@code RECEIVE_SIDE}, {@code [DH]} with the product's
 * {@code DH_<bits>_RECEIVE_SIDE} keys naming PKCS#3 PEM files (relative to the config's folder), {@code #}
 * comments. Section and key names are matched without regard to case. Every DH file named is read now, so a
 * missing or broken PEM stops here with the config's line. Hand-written: INI libraries drop line numbers.
 */
public final class ConfigSslReader {
    /** A configssl.cnf is a few lines; a megabyte is already no such file. */
    private static final int MAX_BYTES = 1 << 20;
    private static final String RSAKEY = "RSAKEY";
    private static final String DH = "DH";
    private static final String RECEIVE_SIDE = "RECEIVE_SIDE";

    private final ProductProfile product;
    private final DhGroupCatalog groups;

    public ConfigSslReader(ProductProfile product, DhGroupCatalog groups) {
        this.product = product;
        this.groups = groups;
    }

    public ConfigSsl read(Path file) {
        String name = file.toString();
        byte[] bytes = InputFiles.read(file, MAX_BYTES, "a configssl.cnf file");
        TextBytes.refuseUtf8Bom(name, bytes, "a configssl.cnf file");
        List<String> lines = new String(bytes, StandardCharsets.ISO_8859_1).lines().toList();
        Path dir = file.toAbsolutePath().getParent();
        String section = null;
        String side = null;
        int sideLine = 0;
        Map<String, ConfigSsl.DhTable> tables = new LinkedHashMap<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int no = i + 1;
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new InputError(name, no, "expected a section header such as [RSAKEY], found '" + line + "'");
                }
                section = line.substring(1, line.length() - 1).strip().toUpperCase(Locale.ROOT);
                if (!section.equals(RSAKEY) && !section.equals(DH)) {
                    throw new InputError(name, no, "unknown section [" + section + "]; expected [RSAKEY] or [DH]");
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new InputError(name, no, "expected KEY = VALUE, a [SECTION] or a # comment, found '" + line + "'");
            }
            String key = line.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (section == null) {
                throw new InputError(name, no, "key " + key + " outside any section; expected it under [RSAKEY] or [DH]");
            }
            Integer first = seen.put(section + "." + key, no);
            if (first != null) {
                throw new InputError(name, no, "[" + section + "] " + key + " set twice (first at line " + first + ")");
            }
            if (section.equals(RSAKEY)) {
                if (!key.equals(RECEIVE_SIDE)) {
                    throw new InputError(name, no, "unknown key '" + key + "' in [RSAKEY]; expected RECEIVE_SIDE");
                }
                if (!value.isEmpty()) {
                    side = ignoringCase(product.receiveSideSuites().keySet(), value);
                    if (side == null) {
                        throw new InputError(name, no, "RECEIVE_SIDE: expected "
                                + String.join(" or ", product.receiveSideSuites().keySet()) + ", found '" + value + "'");
                    }
                    sideLine = no;
                }
            } else {
                String productKey = ignoringCase(product.dhKeys().keySet(), key);
                Integer bits = productKey == null ? null : product.dhKeys().get(productKey);
                if (bits == null) {
                    throw new InputError(name, no, "unknown key '" + key + "' in [DH]; expected one of "
                            + String.join(", ", product.dhKeys().keySet()));
                }
                tables.put(productKey, new ConfigSsl.DhTable(productKey, bits, value, value.isEmpty() ? null : pem(dir, value, name, no, key),
                        no));
            }
        }
        return new ConfigSsl(file, side, sideLine, Map.copyOf(tables));
    }

    /**
     * The product's own spelling of {@code name}, matched without regard to case (as the product reads the file),
     * or null. The product profile's keys may be written in any case; the file's case must not decide.
     */
    private static String ignoringCase(java.util.Set<String> names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) {
                return n;
            }
        }
        return null;
    }

    /** Loads the PEM now so its errors name the config line; returns the path a cell uses. */
    private String pem(Path dir, String value, String configName, int line, String key) {
        Path path = dir.resolve(value).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new InputError(configName, line, key + " names '" + value + "' but " + path
                    + " is not a file; expected a PKCS#3 'BEGIN DH PARAMETERS' PEM file");
        }
        try {
            groups.resolve(path.toString(), null);
        } catch (InputError e) {
            throw new InputError(e.file(), e.line(), e.getMessage() + " (named by " + configName + ":" + line + " " + key + ")");
        }
        return path.toString();
    }

    /** A '#' starts a comment at line start or after whitespace (file names may contain '#'). */
    private static String stripComment(String line) {
        String t = line.stripLeading();
        if (t.startsWith("#")) {
            return "";
        }
        int at = line.indexOf(" #");
        int tab = line.indexOf("\t#");
        int cut = at < 0 ? tab : tab < 0 ? at : Math.min(at, tab);
        return cut < 0 ? line : line.substring(0, cut);
    }
}
