package io.handshakematrix.cli;

import io.handshakematrix.profile.DhCheck;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.ServerDhRule;
import io.handshakematrix.profile.StackProfile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists stack profiles, or shows one with every check in run order and its source. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = {"List the stack profiles, or show one (its DH checks in the order the stack runs them).",
            "Profiles are YAML files: the shipped ones plus any directory given with --profiles."})
final class ProfilesCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "ID", description = "profile to show, e.g. rhel-7.7")
    String id;

    @Option(names = "--profiles", paramLabel = "DIR", description = "extra directory of profile *.yaml files")
    Path dir;

    @Override
    public Integer call() {
        ProfileCatalog catalog = ProfileCatalog.withDirectory(dir);
        if (id == null) {
            for (StackProfile p : catalog.all()) {
                System.out.printf("%-20s %-28s %s%n", p.id(), p.library(), p.description());
            }
            return Main.OK;
        }
        StackProfile p = catalog.find(id).orElseThrow(() -> new io.handshakematrix.yaml.InputError(id, 0,
                "unknown stack; expected one of " + String.join(", ", catalog.ids())));
        System.out.println(p.id() + ": " + p.description() + " (" + p.library() + ")" + (p.fips() ? " [FIPS]" : ""));
        System.out.println("  file:      " + p.origin());
        System.out.println("  source:    " + p.source());
        System.out.println("  protocols: " + String.join(", ", p.protocols()));
        System.out.println("  suites:    " + String.join(":", p.cipherSuites()));
        System.out.println("  as sender (TLS client): DH minimum " + (p.client().dhMinBits() > 0
                ? p.client().dhMinBits() + " bits (" + p.client().dhMinBitsSource() + ")" : "none"));
        if (p.client().minDhBitsOverride() != null) {
            var o = p.client().minDhBitsOverride();
            System.out.println("    override: " + o.setting() + " N in " + o.file() + ", N from " + o.floor() + " to " + o.ceiling());
        }
        int i = 1;
        for (DhCheck c : p.client().checks()) {
            System.out.printf("    %d. %-18s at %-26s alert %-22s %s%n", i++, c.kind().yamlName(), c.stage().yamlName(),
                    c.alert() == null ? "none" : io.handshakematrix.model.TlsAlerts.name(c.alert()) + " (" + c.alert() + ")",
                    String.join(" / ", c.errorLines()));
            System.out.println("       source: " + c.source());
        }
        System.out.println("  as receiver (TLS server): default DH group " + p.server().defaultDhGroup());
        for (ServerDhRule r : p.server().unusableDh()) {
            System.out.println("    " + r.when().yamlName() + (r.bits() > 0 ? " " + r.bits() : "") + " -> "
                    + r.action().yamlName() + (r.errorLines().isEmpty() ? "" : ": " + String.join(" / ", r.errorLines())));
            System.out.println("       source: " + r.source());
        }
        return Main.OK;
    }
}
