package io.handshakematrix.matrix;

import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ConfigSslReader;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.config.ReceiverSetting;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * matrix.yaml's {@code config: [file, ...]} axis: each receiver configssl.cnf (relative to the matrix) becomes
 * the RECEIVE_SIDE and DH group the product serves with it, per the shipped product profile. PEM paths are
 * kept relative to the matrix folder so cell names stay short; the RECEIVE_SIDE must be one matrix.yaml knows.
 */
final class ConfigAxis {
    private ConfigAxis() {}

    static List<Matrix.ConfiguredReceiver> read(YamlNode list, Path base, ProductSettings settings, DhGroupCatalog groups) {
        ProductProfile product = ProductProfiles.builtin();
        Path dir = base.toAbsolutePath().normalize();
        List<Matrix.ConfiguredReceiver> out = new ArrayList<>();
        for (YamlNode n : list.itemsOrOne()) {
            Path file = base.resolve(n.text());
            ConfigSsl config = new ConfigSslReader(product, groups).read(file);
            ReceiverSetting s = product.effective(config);
            if (!settings.receiveSideSuites().containsKey(s.receiveSide())) {
                throw n.error(n.path() + ": " + n.text() + " sets RECEIVE_SIDE = " + s.receiveSide()
                        + "; expected one of product.receive_side: " + settings.receiveSideSuites().keySet());
            }
            String dh = DhGroupCatalog.isFileSpec(s.dhGroup()) && Path.of(s.dhGroup()).startsWith(dir)
                    ? dir.relativize(Path.of(s.dhGroup())).toString() : s.dhGroup();
            out.add(new Matrix.ConfiguredReceiver(n.text(), s.receiveSide(), dh));
        }
        return List.copyOf(out);
    }
}
