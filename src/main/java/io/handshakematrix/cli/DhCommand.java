package io.handshakematrix.cli;

import io.handshakematrix.dh.DhGroup;
import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.dh.DhInspection;
import io.handshakematrix.model.TlsAlerts;
import io.handshakematrix.profile.DhCheck;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.ServerDhRule;
import io.handshakematrix.profile.StackProfile;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.security.SecureRandom;
import io.handshakematrix.dh.SafePrimeGenerator;
import io.handshakematrix.yaml.InputError;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** DH parameter tools; {@code dh inspect FILE} judges a group before any handshake. */
@Command(name = "dh", mixinStandardHelpOptions = true, subcommands = {DhCommand.Inspect.class, DhCommand.Generate.class},
        description = {"DH parameter tools. 'dh inspect FILE' tells which stacks would refuse a group, and why;",
            "'dh generate BITS' makes a fresh group (a safe prime) for a [DH] table."})
final class DhCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = {"Print a DH group's size and generator, whether p is odd, prime and safe and g in range,",
                "and which stack profiles would refuse it (as sender: the first failing check in the stack's order,",
                "its alert and error line; as receiver: a rule that stops it serving the group)."},
            footer = {"", "Exit codes: 0 inspected; 2 missing file, not PEM, not DH parameters.", "",
                "Examples: dh inspect examples/dh1024.pem    dh inspect 256-g1"})
    static final class Inspect implements Callable<Integer> {
        @Parameters(paramLabel = "FILE|GROUP", description = "a PKCS#3 PEM file ('BEGIN DH PARAMETERS') or a shipped group name")
        String spec;

        @Option(names = "--profiles", paramLabel = "DIR", description = "extra directory of stack profile *.yaml files")
        Path profilesDir;

        @Override
        public Integer call() {
            DhGroupCatalog groups = DhGroupCatalog.builtin();
            // A name the catalog knows is a shipped group; anything else is a file (so 'dh512' fails as a file).
            DhGroup g = groups.isNamed(spec) ? groups.resolve(spec, null) : groups.resolve(asFile(spec), null);
            DhInspection i = DhInspection.of(g);
            BigInteger pm1 = g.p().subtract(BigInteger.ONE);
            System.out.println(spec + ": DH parameters, " + g.bits() + " bits");
            System.out.println("  p: " + (i.pOdd() ? "odd" : "EVEN") + ", " + (i.pPrime() ? "prime" : "NOT prime")
                    + (i.pPrime() ? ", " + (i.pSafe() ? "safe prime ((p-1)/2 prime)" : "NOT a safe prime") : "")
                    + " (Miller-Rabin, error < 2^-100)");
            String gText = g.g().equals(pm1) ? "p-1" : g.g().bitLength() <= 32 ? g.g().toString() : g.g().bitLength() + "-bit value";
            System.out.println("  g: " + gText + (i.gInRange() ? ", in range 1 < g < p-1" : ", NOT in range 1 < g < p-1"));
            System.out.println("  Ys = g^x mod p for a server's random x: " + (i.ys().bitLength() <= 32 ? i.ys().toString()
                    : i.ys().equals(pm1) ? "p-1" : i.ys().bitLength() + "-bit value"));
            ProfileCatalog profiles = ProfileCatalog.withDirectory(profilesDir);
            System.out.println("As sender (TLS client) receiving it in a ServerKeyExchange:");
            for (StackProfile p : profiles.all()) {
                Optional<DhCheck> c = i.senderRefusal(p);
                System.out.printf("  %-20s %s%n", p.id(), c.map(x -> "refuses: " + x.kind().yamlName() + " at "
                        + x.stage().yamlName() + ", " + (x.alert() == null ? "no alert" : "alert "
                        + TlsAlerts.name(x.alert()) + " (" + x.alert() + ")") + ": " + String.join(" / ", x.errorLines()))
                        .orElse("accepts"));
            }
            System.out.println("As receiver (TLS server) configured with it:");
            for (StackProfile p : profiles.all()) {
                Optional<ServerDhRule> r = i.receiverRefusal(p);
                System.out.printf("  %-20s %s%n", p.id(), r.map(x -> "cannot serve it: " + x.when().yamlName() + " -> "
                        + x.action().yamlName() + (x.errorLines().isEmpty() ? "" : ": " + String.join(" / ", x.errorLines())))
                        .orElse("serves it"));
            }
            return Main.OK;
        }

        /** Makes a bare file name count as a file path for the catalog. */
        private static String asFile(String s) {
            return DhGroupCatalog.isFileSpec(s) ? s : "./" + s;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Make a fresh DH group as 'openssl dhparam BITS' does: a safe prime p = 2q+1 (q prime),",
                "g = 2, written as PKCS#3 PEM ('BEGIN DH PARAMETERS', the file a [DH] table of configssl.cnf names).",
                "Prints how long it took: about a second for 1024 bits, seconds to a minute or more for 2048 (the",
                "search is random). The groups the harness ships (dh inspect 2048: RFC 3526) need no generation."},
            footer = {"", "Exit codes: 0 written; 2 bad input (BITS outside " + SafePrimeGenerator.MIN_BITS + ".."
                    + SafePrimeGenerator.MAX_BITS + ", an unwritable --out).", "",
                "Example: dh generate 2048 --out dh2048.pem"})
    static final class Generate implements Callable<Integer> {
        @Parameters(paramLabel = "BITS", description = "size of p in bits (" + SafePrimeGenerator.MIN_BITS + ".."
                + SafePrimeGenerator.MAX_BITS + ")")
        int bits;

        @Option(names = "--out", paramLabel = "FILE", description = "write the PEM here (default: standard output)")
        Path out;

        @Override
        public Integer call() {
            if (bits < SafePrimeGenerator.MIN_BITS || bits > SafePrimeGenerator.MAX_BITS) {
                throw new InputError("dh generate", 0, "BITS " + bits + ": expected " + SafePrimeGenerator.MIN_BITS + ".."
                        + SafePrimeGenerator.MAX_BITS + " (under 512 bits no current stack accepts the group; "
                        + "OpenSSL 3 refuses to generate one)");
            }
            long start = System.nanoTime();
            DhGroup g = SafePrimeGenerator.generate(bits, new SecureRandom());
            double seconds = (System.nanoTime() - start) / 1e9;
            String pem = SafePrimeGenerator.pem(g);
            String done = String.format(Locale.ROOT, "generated a %d-bit safe prime (p = 2q+1, g = 2) in %.1f s", bits,
                    seconds);
            if (out == null) {
                System.out.print(pem);
                System.err.println(done);
            } else {
                try {
                    java.nio.file.Files.writeString(out, pem);
                } catch (java.io.IOException e) {
                    throw new InputError(out.toString(), 0, "cannot write (" + e.getClass().getSimpleName()
                            + "); expected a writable file for the PEM");
                }
                System.out.println(done + "; wrote " + out + " (check it: dh inspect " + out + ")");
            }
            return Main.OK;
        }
    }
}
