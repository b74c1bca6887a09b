package io.handshakematrix.engine.container;

import io.handshakematrix.engine.ServerIdentity;
import io.handshakematrix.engine.Engine;
import io.handshakematrix.engine.ReceiverSpec;
import io.handshakematrix.engine.RunningReceiver;
import io.handshakematrix.engine.SenderSpec;
import io.handshakematrix.engine.SideReport;
import io.handshakematrix.engine.UnsupportedSettingException;
import io.handshakematrix.model.CipherSuites;
import io.handshakematrix.model.Side;
import io.handshakematrix.profile.StackProfile;
import io.handshakematrix.yaml.InputError;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.testcontainers.images.builder.Transferable;

/**
 * A user's own product as a matrix side ({@code our-client@product}), declared in data: {@link ProductStack}
 * (ID.yaml, one directory above the twin profile profiles/ID.yaml). The harness acts as the product's shim: it
 * fills the role's command template, runs it once per handshake in the product's container (one per image and
 * role per run) or on this machine, behind a {@link TcpRelay}, and reads the product's own verdict and error
 * lines from its exit code and output patterns. A product file with an unknown placeholder or a pattern that does
 * not compile stops the run as bad input (file:line, exit 2).
 */
public final class ProductEngine implements Engine {
    public static final String NAME = "product";
    private static final String CERT = ShimContainer.WORK + "/cert.pem";
    private static final String KEY = ShimContainer.WORK + "/key.pem";

    private final Containers containers;
    private final Map<String, ProductStack> products = new LinkedHashMap<>();
    private final Map<String, Optional<String>> problems = new LinkedHashMap<>();
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final ServerIdentity identity = ServerIdentity.generate(new SecureRandom());

    public ProductEngine() {
        this(System.out);
    }

    ProductEngine(PrintStream summaryOut) {
        this.containers = new Containers(summaryOut, ProductContainer::new);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The product file of a twin profile: ID.yaml in the directory above profiles/ID.yaml. */
    static Path productFile(StackProfile profile) {
        Path origin = Path.of(profile.origin()).toAbsolutePath();
        return origin.getParent().getParent().resolve(profile.id() + ".yaml");
    }

    synchronized ProductStack product(StackProfile profile) {
        return products.computeIfAbsent(profile.id(), id -> {
            if (profile.origin().startsWith("classpath:")) {
                throw new InputError(profile.origin(), 0, id + " is a shipped profile, not a product's twin; a product "
                        + "stack is ID.yaml next to the directory of its twin profile (profiles/ID.yaml)");
            }
            Path f = productFile(profile);
            if (!Files.isRegularFile(f)) {
                throw new InputError(profile.origin(), 0, "no product file " + f + " for this twin profile");
            }
            ProductStack p = ProductStack.read(f);
            if (!p.id().equals(id)) {
                throw new InputError(f.toString(), 1, "id '" + p.id() + "' does not match its twin profile " + id);
            }
            return p;
        });
    }

    @Override
    public Optional<String> cannotRun(StackProfile profile, Side role, String protocol) {
        ProductStack p = product(profile); // bad input stops the run here, with its file and line
        if (!p.roles().containsKey(role.label())) {
            return Optional.of(p.id() + " declares no " + role.label() + " command (" + p.file() + ")");
        }
        if (p.local()) {
            return Optional.empty();
        }
        return containers.docker().or(() -> image(p));
    }

    private synchronized Optional<String> image(ProductStack p) {
        return problems.computeIfAbsent(p.id(), id -> {
            try {
                if (p.imageTag() != null) {
                    tags.put(id, ProductImage.present(p.imageTag())); // bad input (file:line) when it cannot be had
                    return Optional.empty();
                }
                Path folder = p.imageFolder();
                ImageFolder f = ImageFolder.read(folder.getFileName().toString(),
                        ImageFolder.directory(folder.getParent()), folder.getParent() + "/");
                // tagged after the product, not its folder's name
                tags.put(id, containers.builder().ensure(new ImageFolder("product-" + id, f.dockerfile(), f.labels(),
                        f.copied(), f.labelsFile(), f.from())));
                return Optional.empty();
            } catch (RuntimeException e) {
                if (e instanceof InputError) {
                    throw e;
                }
                return Optional.of(e.getMessage());
            }
        });
    }

    @Override
    public RunningReceiver serve(ReceiverSpec spec) throws IOException {
        spec.requireRsaCertificate("product");
        ProductStack p = product(spec.profile());
        long timeoutMs = spec.timeout().toMillis();
        try {
            int port = ContainerEngine.freePort();
            Map<String, String> values = values(spec.profile(), port, "TLSv1.2", spec.cipherSuites(), timeoutMs);
            // {dh} stays '' when the product serves no DHE suite: a template passes its DH file only if it has one
            boolean dhe = spec.dhGroup() != null && spec.cipherSuites().stream().anyMatch(CipherSuites::isDhe);
            ProductRun run;
            if (p.local()) {
                Path dir = localFiles();
                if (dhe) {
                    Path dh = dir.resolve(ShimContainer.dhFileName(spec.dhGroup()));
                    Files.writeString(dh, ShimContainer.pkcs3Pem(spec.dhGroup().p(), spec.dhGroup().g()));
                    values.put("dh", dh.toString());
                }
                localPaths(values, dir);
                run = ProductRun.local(p.command("receiver", values));
            } else {
                ShimContainer c = container(p, Side.RECEIVER);
                if (dhe) {
                    values.put("dh", c.dhParamsFile(spec.dhGroup()));
                }
                run = ProductRun.in(c, p.command("receiver", values));
            }
            if (!run.awaitLine(p.roles().get("receiver").ready().asPredicate(), timeoutMs)) {
                String missing = run.awaitExit(1000) ? notStarted(run) : null;
                if (missing != null) {
                    throw new IOException(missing);
                }
                refusedSetting(p, run);
                run.kill();
                throw new IOException(p.id() + " receiver did not print its ready line ("
                        + p.roles().get("receiver").ready() + "): " + String.join(" | ", run.output()));
            }
            TcpRelay relay = new TcpRelay(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), false,
                    (int) timeoutMs);
            return new RelayedReceiver<Boolean>(relay, () -> run.exitedOrKilled(timeoutMs),
                    exited -> report(p, false, run, relay, !exited), run::kill);
        } catch (RuntimeException e) {
            if (e instanceof InputError) {
                throw e;
            }
            throw new IOException(containers.broke(p.id(), tags.get(p.id()), Side.RECEIVER, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }

    /**
     * A receiver that ended before its ready line, with output its verdict patterns read as a failure and error
     * lines of its own (OpenSSL 3.0's s_server given a DH group under its floor: "dh key too small"), refused the
     * cell's setting: the shim's "cannot take that setting", so the cell is skipped with the product's own words.
     * A product that hangs, or ends without an error line, stays a harness error.
     */
    private static void refusedSetting(ProductStack p, ProductRun run) throws InterruptedException,
            UnsupportedSettingException {
        if (!run.awaitExit(1000)) {
            return;
        }
        ProductStack.Reading r = p.read(run.exitCode(), run.output());
        if (!r.completed() && !r.broken() && !r.errors().isEmpty()) {
            throw new UnsupportedSettingException(p.id() + " refused this setting before listening (exit "
                    + run.exitCode() + "): " + String.join(" | ", r.errors()));
        }
    }

    @Override
    public SideReport connect(SenderSpec spec, InetSocketAddress receiver) {
        ProductStack p = product(spec.profile());
        long timeoutMs = spec.timeout().toMillis();
        ShimContainer c = null;
        try {
            if (!p.local()) {
                c = container(p, Side.SENDER); // first: its start may outlast the relay's wait for a connection
            }
        } catch (RuntimeException e) {
            return ContainerEngine.harnessError(containers.broke(p.id(), tags.get(p.id()), Side.SENDER, e));
        }
        try (TcpRelay relay = new TcpRelay(receiver, true, (int) timeoutMs)) {
            Map<String, String> values = values(spec.profile(), relay.address().getPort(), spec.maxProtocol(),
                    spec.profile().cipherSuites(), timeoutMs);
            if (p.local()) {
                localPaths(values, localFiles());
            }
            ProductRun run = p.local() ? ProductRun.local(p.command("sender", values))
                    : ProductRun.in(c, p.command("sender", values));
            boolean exited = run.exitedOrKilled(timeoutMs);
            // a command that could not start connects to nobody: no wait for the relay then
            relay.awaitClosed(!exited ? 1000 : notStarted(run) != null ? 0 : timeoutMs);
            return report(p, true, run, relay, !exited);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputError ie) {
                throw ie;
            }
            return ContainerEngine.harnessError(containers.broke(p.id(), tags.get(p.id()), Side.SENDER, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ContainerEngine.harnessError("interrupted");
        }
    }

    private Map<String, String> values(StackProfile profile, int port, String protocol, List<String> suites, long timeoutMs) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("host", "127.0.0.1");
        v.put("port", Integer.toString(port));
        v.put("protocol", protocol);
        v.put("suites", String.join(":", suites));
        v.put("dh", "");
        v.put("certfile", CERT);
        v.put("keyfile", KEY);
        v.put("cafile", CERT); // the receivers' certificate is self-signed: it is its own CA
        v.put("timeout_s", Long.toString((timeoutMs + 999) / 1000));
        return v;
    }

    private ShimContainer container(ProductStack p, Side role) {
        ShimContainer c = containers.get(tags.get(p.id()), role);
        synchronized (c) {
            if (!c.hasIdentity()) {
                c.copyFileToContainer(Transferable.of(pem("CERTIFICATE", identity.certificateDer())), CERT);
                c.copyFileToContainer(Transferable.of(pem("PRIVATE KEY", identity.privateKeyPkcs8())), KEY);
                c.identityCopied();
            }
        }
        return c;
    }

    private Path localDir;

    /** This run's certificate and key for a product run on this machine (a temp directory, deleted at close). */
    private synchronized Path localFiles() throws IOException {
        if (localDir == null) {
            // removed at close, and by ChildProcesses' hook on SIGTERM: it holds the run's private key
            localDir = io.handshakematrix.yaml.ChildProcesses.registerStaging(Files.createTempDirectory("hm-product"));
            Files.writeString(localDir.resolve("cert.pem"), pem("CERTIFICATE", identity.certificateDer()));
            Files.writeString(localDir.resolve("key.pem"), pem("PRIVATE KEY", identity.privateKeyPkcs8()));
        }
        return localDir;
    }

    private static void localPaths(Map<String, String> values, Path dir) {
        values.put("certfile", dir.resolve("cert.pem").toString());
        values.put("keyfile", dir.resolve("key.pem").toString());
        values.put("cafile", dir.resolve("cert.pem").toString());
    }

    private static String pem(String type, byte[] der) {
        try {
            StringWriter w = new StringWriter();
            try (PemWriter pem = new PemWriter(w)) {
                pem.writeObject(new PemObject(type, der));
            }
            return w.toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The side's report: the wire from the relay, the product's error lines read by its patterns. */
    private static SideReport report(ProductStack p, boolean client, ProductRun run, TcpRelay relay, boolean timedOut) {
        String harness = relay.connected() ? null : relay.failure();
        String missing = timedOut ? null : notStarted(run);
        if (missing != null) {
            harness = missing; // not "nobody connected": the product never ran
        }
        List<String> errors = new ArrayList<>();
        if (!timedOut) {
            ProductStack.Reading r = p.read(run.exitCode(), run.output());
            errors.addAll(r.errors());
            if (r.broken() && harness == null) {
                harness = p.id() + "'s output matched an error pattern: " + String.join(" | ", r.errors());
            }
        }
        return ShimSideReports.of(client, relay, errors, timedOut, harness, null);
    }

    /**
     * How /bin/sh says a command does not exist (dash, bash; its $0 is hm-product, see ProductStack.Command):
     * "hm-product: 1: exec: NAME: not found", "NAME: command not found".
     */
    private static final java.util.regex.Pattern NOT_FOUND = java.util.regex.Pattern.compile(
            "^(?:(?:/bin/)?(?:ba)?sh|hm-product): (?:line )?(?:\\d+: )?(?:exec: )?(.+?): (?:command )?not found$|"
            + "^(?:(?:/bin/)?(?:ba)?sh|hm-product): (?:line )?(?:\\d+: )?(?:exec: )?(.+?): No such file or directory$|"
            // a wrapper in front (timeout, env, nohup from coreutils)
            + "^[\\w./-]+: failed to run command ['\u2018](.+?)['\u2019]: No such file or directory$");

    /**
     * "cannot start `NAME`: not found" when the product's command exited 127 (POSIX: command not found) and the
     * shell named what it could not find; null otherwise.
     */
    static String notStarted(ProductRun run) {
        if (run.exitCode() != 127) {
            return null;
        }
        for (String line : run.output()) {
            java.util.regex.Matcher m = NOT_FOUND.matcher(line.strip());
            if (m.find()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                return "cannot start `" + io.handshakematrix.yaml.ValueText.cut(name) + "`: not found";
            }
        }
        return "cannot start the product's command: /bin/sh exited 127 (command not found)";
    }

    @Override
    public void close() {
        containers.close();
        if (localDir != null) {
            ImageBuilder.delete(localDir);
        }
    }
}
