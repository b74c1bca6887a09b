package io.handshakematrix.cli;

import io.handshakematrix.config.ConfigSsl;
import io.handshakematrix.config.ConfigSslReader;
import io.handshakematrix.config.ProductProfile;
import io.handshakematrix.config.ProductProfiles;
import io.handshakematrix.config.ReceiverSetting;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.engine.EngineRegistry;
import io.handshakematrix.model.StackRef;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.yaml.InputError;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The receiver's settings for ping, diagnose and serve: the product's configssl.cnf or explicit
 * RECEIVE_SIDE / DH group, plus where profiles come from and the timeout. Validates every name so a
 * typo is one line and exit 2.
 */
final class ReceiverSettingsOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "the receiver's configssl.cnf; its [RSAKEY] and [DH] settings decide the receiver's suites and DH group")
    Path config;

    @Option(names = "--receive-side", paramLabel = "YES|NO",
            description = "RECEIVE_SIDE without a config file (default: the product's default, NO)")
    String receiveSide;

    @Option(names = "--dh", paramLabel = "GROUP|FILE",
            description = "DH group the receiver serves: a name (256, 256-g1, 1024, ...; see 'dh inspect'), default "
                    + "(the receiver stack's own), or a PEM file. Without --config and --dh: the product's internal table")
    String dh;

    @Option(names = "--product", paramLabel = "FILE",
            description = "product profile YAML (what configssl.cnf settings mean; default: the shipped file-transfer.yaml)")
    Path productFile;

    @Option(names = "--profiles", paramLabel = "DIR", description = "extra directory of stack profile *.yaml files")
    Path profilesDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "per-handshake timeout (default: ${DEFAULT-VALUE})")
    int timeoutSeconds;

    /** Everything a command needs to run cells; the caller closes the engines. */
    record Context(ProfileCatalog profiles, DhGroupCatalog groups, ProductProfile product, ConfigSsl config,
                   ReceiverSetting setting, Duration timeout) {
    }

    Context context() {
        ProfileCatalog profiles = ProfileCatalog.withDirectory(profilesDir);
        DhGroupCatalog groups = DhGroupCatalog.builtin();
        ProductProfile product = ProductProfiles.load(productFile, groups);
        profiles.addBundled(product.support().bundledProfiles()); // the product's own TLS library is a stack too
        if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
            throw new InputError("--timeout", 0, "expected 1 to 3600 seconds, found " + timeoutSeconds);
        }
        ConfigSsl cfg;
        if (config != null) {
            if (receiveSide != null || dh != null) {
                throw new InputError("--config", 0, "takes the receiver's settings from the file; expected no "
                        + "--receive-side or --dh with it");
            }
            cfg = new ConfigSslReader(product, groups).read(config);
        } else {
            cfg = ConfigSsl.empty(Path.of("(no configssl.cnf)"));
        }
        ReceiverSetting s = product.effective(cfg);
        if (receiveSide != null) {
            String side = receiveSide.toUpperCase(java.util.Locale.ROOT);
            if (!product.receiveSideSuites().containsKey(side)) {
                throw new InputError("--receive-side", 0, "expected " + String.join(" or ",
                        product.receiveSideSuites().keySet()) + ", found '" + receiveSide + "'");
            }
            s = new ReceiverSetting(side, s.dhGroup(), "RECEIVE_SIDE = " + side + " (--receive-side)");
        }
        if (dh != null) {
            if (!dh.equals("default")) {
                groups.resolve(dh, null); // unknown name, missing or bad PEM: one line, exit 2
            }
            s = new ReceiverSetting(s.receiveSide(), dh, (receiveSide != null ? s.why() : "RECEIVE_SIDE = "
                    + s.receiveSide()) + "; DH group " + dh + " (--dh)");
        }
        return new Context(profiles, groups, product, config != null ? cfg : null, s, Duration.ofSeconds(timeoutSeconds));
    }

    /** The product profile's RECEIVE_SIDE mapping as the runner takes it. */
    static io.handshakematrix.matrix.ProductSettings settings(ProductProfile product) {
        return new io.handshakematrix.matrix.ProductSettings(product.id(), product.receiveSideSuites());
    }

    /** A known profile, optionally {@code @engine} with a registered engine. */
    static void checkStack(String option, String stack, ProfileCatalog profiles, EngineRegistry engines) {
        StackRef ref = StackRef.parse(stack);
        if (profiles.find(ref.profileId()).isEmpty()) {
            throw new InputError(option, 0, "unknown stack '" + stack + "'; expected one of "
                    + String.join(", ", profiles.ids()));
        }
        if (!engines.names().contains(ref.engine())) {
            throw new InputError(option, 0, "unknown engine '" + ref.engine() + "' in '" + stack + "'; expected one of "
                    + String.join(", ", engines.names()));
        }
    }
}
