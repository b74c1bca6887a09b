package io.handshakematrix.cli;

import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.diagnose.Explainer;
import io.handshakematrix.diagnose.FixFinder;
import io.handshakematrix.model.CellResult;
import io.handshakematrix.model.Outcome;
import io.handshakematrix.runner.CellRunner;
import java.util.List;

/** run --diagnose: each failed cell with why and its verified fixes, after the table. */
final class RunDiagnosis {
    private RunDiagnosis() {}

    static void print(List<CellResult> results, CellRunner runner) {
        Explainer explainer = new Explainer(runner);
        io.handshakematrix.config.ProductProfile product = ProductProfiles.builtin();
        FixFinder finder = new FixFinder(runner, product);
        for (CellResult r : results) {
            if (r.result().outcome() != Outcome.FAIL) {
                continue;
            }
            System.out.println();
            System.out.println("FAILED   " + r.cell().displayName() + ": " + r.result().summary());
            HandshakeText.diagnosis(System.out, explainer.explain(r.cell(), r.result()), finder, product,
                    r.cell(), r.result(), null);
        }
    }
}
