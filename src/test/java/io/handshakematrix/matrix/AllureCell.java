package io.handshakematrix.matrix;

import io.handshakematrix.model.Cell;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.report.AllureCellText;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.StatusDetails;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Dresses the running Allure test as one matrix cell: suites by sender, receiver and receiver setting,
 * one parameter per axis, the transcript and both sides' error lines as attachments, and a status message
 * (also on passed cells, so categories can sort expected failures by cause too).
 */
final class AllureCell {
    private static final Set<String> SUITE_LABELS = Set.of("parentSuite", "suite", "subSuite");

    private AllureCell() {}

    static void describe(CellResult r) {
        Cell c = r.cell();
        String id = sha256(c.key());
        Allure.getLifecycle().updateTestCase(t -> {
            // allure-junit5 files every dynamic test under the test class; the KB reader looks for a pair.
            t.getLabels().removeIf(l -> SUITE_LABELS.contains(l.getName()));
            t.getLabels().add(label("parentSuite", "sender " + c.sender()));
            t.getLabels().add(label("suite", "receiver " + c.receiver()));
            t.getLabels().add(label("subSuite", "RECEIVE_SIDE=" + c.receiveSide() + " | " + c.protocol()
                    + (c.senderMinDhBits() > 0 ? " | MinimumDHBits " + c.senderMinDhBits() : "")));
            t.getLabels().add(label("tag", "outcome:" + r.result().outcome().label()));
            // History follows the cell, not its position among the dynamic tests.
            t.setTestCaseId(id);
            t.setHistoryId(id);
            t.setStatusDetails(new StatusDetails().setMessage(AllureCellText.message(r)));
        });
        AllureCellText.parameters(r).forEach(Allure::parameter);
        Allure.addAttachment("handshake transcript", "text/plain", AllureCellText.transcript(r), ".txt");
        Allure.addAttachment("sender error lines", "text/plain", AllureCellText.orNone(r.result().senderErrors()), ".txt");
        Allure.addAttachment("receiver error lines", "text/plain", AllureCellText.orNone(r.result().receiverErrors()), ".txt");
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
