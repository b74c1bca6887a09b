package io.handshakematrix.diagnose;

import io.handshakematrix.config.CommentedDhLines;
import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.dh.DhGroupCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the DH file a fix names comes from, and the exact configssl.cnf block to paste: the group the harness
 * ships under that name (with its source, groups.yaml), how to make an equivalent one with OpenSSL, and, when the
 * customer's file has that [DH] line or another one commented out, the fix as that line uncommented.
 */
public final class FixFile {
    private static final Pattern DH_CHANGE = Pattern.compile("\\[DH] (\\w+) = (\\S+)");

    private FixFile() {}

    /** The lines to print under a recommended [DH] change; empty for any other change. */
    public static List<String> explain(String change, ProductProfile product, DhGroupCatalog groups, ConfigSsl config) {
        Matcher m = DH_CHANGE.matcher(change);
        List<String> out = new ArrayList<>();
        if (!m.matches()) {
            return out;
        }
        String key = m.group(1);
        String file = m.group(2);
        Integer bits = product.dhKeys().get(key);
        if (bits == null) {
            return out;
        }
        for (CommentedDhLines.Line c : CommentedDhLines.of(config, product)) {
            if (c.key().equals(key)) {
                out.add("Your file has this line commented out (line " + c.line() + ": '" + c.text() + "'): uncomment it"
                        + (c.value().equals(file) ? "." : " and point it at " + file + "."));
            } else {
                out.add("Your file has '" + c.text() + "' commented out (line " + c.line() + "): uncommented as it is, it "
                        + "would serve a " + c.bits() + "-bit table" + (c.bits() < bits ? ", weaker than the fix; "
                        + "change it to the line below." : "; the line below is the smaller change."));
            }
        }
        out.add("The [DH] section of configssl.cnf after the fix (the file next to configssl.cnf):");
        out.add("    [DH]");
        out.add("    " + key + " = " + file);
        String name = Integer.toString(bits);
        String source = groups.isNamed(name) ? groups.resolve(name, null).source() : null;
        out.add("Where " + file + " comes from: " + (source != null ? "the harness ships it (" + source
                + ", src/main/resources/dh/" + file + " and examples/); " : "")
                + "or make a fresh safe prime with 'handshake-matrix dh generate " + bits + " --out " + file + "' (it "
                + "prints the time it took) or 'openssl dhparam -out " + file + " " + bits + "' (seconds to minutes)" + (bits == 2048 ? ", or use RFC 7919 ffdhe2048: 'openssl genpkey -genparam "
                + "-algorithm DH -pkeyopt group:ffdhe2048 -out " + file + "'" : "") + ".");
        return out;
    }
}
