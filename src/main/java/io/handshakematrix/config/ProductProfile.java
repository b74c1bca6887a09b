package io.handshakematrix.config;

import java.util.List;
import java.util.Map;

/**
 * The receiving product's configuration semantics as data (src/main/resources/products/*.yaml): which
 * suites each RECEIVE_SIDE value enables, which [DH] keys exist and their sizes, which table the product
 * serves when several are set, and what "internal program tables" means.
 */
public record ProductProfile(String id, String description, String source,
                             Map<String, List<String>> receiveSideSuites, String receiveSideDefault,
                             String receiveSideSource, Map<String, Integer> dhKeys, Pick pick, String pickSource,
                             String internalGroup, String internalSource, String suggestFile, String origin,
                             ProductSupport support) {

    /** Which of several set [DH] tables the product serves. */
    public enum Pick { LARGEST, SMALLEST }

    /** The file name diagnose proposes for a table of {@code bits}: "dh1024.pem". */
    public String suggestedFile(int bits) {
        return suggestFile.replace("{bits}", Integer.toString(bits));
    }

    /** The [DH] key for a size, e.g. DH_1024_RECEIVE_SIDE; null if the product has none. */
    public String keyFor(int bits) {
        return dhKeys.entrySet().stream().filter(e -> e.getValue() == bits).map(Map.Entry::getKey).findFirst()
                .orElse(null);
    }

    /** What the product serves for a parsed configssl.cnf. */
    public ReceiverSetting effective(ConfigSsl config) {
        String side = config.receiveSide() != null ? config.receiveSide() : receiveSideDefault;
        String sideWhy = config.receiveSide() != null
                ? "RECEIVE_SIDE = " + side + (config.receiveSideLine() > 0 ? " (line " + config.receiveSideLine() + ")" : "")
                : "RECEIVE_SIDE blank or absent: product default " + side;
        ConfigSsl.DhTable chosen = config.dhTables().values().stream()
                .filter(t -> t.groupSpec() != null)
                .reduce((a, b) -> (pick == Pick.LARGEST ? b.bits() > a.bits() : b.bits() < a.bits()) ? b : a)
                .orElse(null);
        if (chosen == null) {
            return new ReceiverSetting(side, internalGroup, sideWhy + "; no [DH] table names a file: the internal "
                    + "program table (" + internalGroup + "; " + internalSource + ")");
        }
        long set = config.dhTables().values().stream().filter(t -> t.groupSpec() != null).count();
        return new ReceiverSetting(side, chosen.groupSpec(), sideWhy + "; " + chosen.key() + " = " + chosen.value()
                + (chosen.line() > 0 ? " (line " + chosen.line() + ")" : "")
                + (set > 1 ? ", the " + pick.name().toLowerCase() + " of " + set + " tables set (" + pickSource + ")" : ""));
    }
}
