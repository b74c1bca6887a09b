package io.handshakematrix.runner;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.matrix.CellSettings;
import io.handshakematrix.profile.CryptoPolicies;
import io.handshakematrix.matrix.ProductSettings;
import io.handshakematrix.model.Cell;
import io.handshakematrix.profile.StackProfile;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A cell's settings as the two engines' specs. The matrix gives the axes their meaning ({@link CellSettings});
 * the runner, which knows both the matrix and the engines, hands them over, so that engines never see a matrix.
 */
public record CellSpecs(SenderSpec sender, ReceiverSpec receiver) {

    /** The specs of {@code cell}; DH group files resolve against {@code baseDir}. */
    public static CellSpecs of(Cell cell, StackProfile sender, StackProfile receiver, ProductSettings product,
                               DhGroupCatalog groups, Path baseDir, Duration timeout) {
        return of(cell, sender, receiver, product, groups, baseDir, timeout, CryptoPolicies.shipped());
    }

    /** As above, each side's stack compiled under the cell's crypto policy for it (a stack with policies). */
    public static CellSpecs of(Cell cell, StackProfile sender, StackProfile receiver, ProductSettings product,
                               DhGroupCatalog groups, Path baseDir, Duration timeout, CryptoPolicies policies) {
        CellSettings.Resolved s = CellSettings.resolve(cell, receiver, product, groups, baseDir);
        return new CellSpecs(new SenderSpec(CellSettings.underPolicy(sender, s.senderPolicy(), policies), s.maxProtocol(),
                s.minDhBits(), timeout),
                new ReceiverSpec(CellSettings.underPolicy(receiver, s.receiverPolicy(), policies), s.receiverSuites(),
                        s.dhGroup(), timeout).withCertificate(s.certificate()));
    }
}
