package io.handshakematrix.report;

import java.util.List;

/**
 * A group of failing cells that share sender, symptom and receiver setting (RECEIVE_SIDE, protocol), over
 * some receivers and DH groups,, and the single setting changes
 * that made their siblings pass in the same results ({@code fixes} empty: none of the cells that ran did).
 */
public record Resolution(String sender, List<String> receivers, String receiveSide, List<String> dhGroups,
                         String protocol, int senderMinDhBits, String symptom, List<String> fixes) {
}
