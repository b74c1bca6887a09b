package io.handshakematrix.cli;

import io.handshakematrix.engine.container.StackImages;
import io.handshakematrix.profile.ProfileCatalog;
import io.handshakematrix.profile.StackProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Builds the stack images offline (no registry here), or checks image folders without building. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = {"Build the stack images offline: every image folder (images/index.txt: the real tools behind",
            "their shim wrappers) and one image per stack profile (the emulated stacks, run by the stack agent).",
            "Each tag is the harness version plus a content hash; an existing tag is reused, so a changed folder or",
            "profile rebuilds only its own image. Needs a Docker engine and the debian-11/12 bases (images/build.sh).",
            "With --check DIR, only reads every folder under DIR (labels, Dockerfile, COPY sources): exit 2 on bad input.",
            "With --prune, then removes the other tags of the images it just built or reused: each changed jar or",
            "profile leaves its previous image behind, hundreds on a CI machine that keeps its Docker state."},
        footer = {"", "Examples:",
            "  java -jar target/handshake-matrix.jar images",
            "  java -jar target/handshake-matrix.jar images --profiles my-profiles/",
            "  java -jar target/handshake-matrix.jar images --check images",
            "  java -jar target/handshake-matrix.jar images --prune"})
final class ImagesCommand implements Callable<Integer> {
    @Option(names = "--profiles", paramLabel = "DIR", description = "also build images of the profiles in DIR")
    Path profilesDir;

    @Option(names = "--check", paramLabel = "DIR", description = "read every image folder in DIR; build nothing")
    Path check;

    @Option(names = "--prune", description = "after building, remove the stale tags of those images (older versions "
            + "and hashes); never a base, a product's or a user's image, nor one a container uses")
    boolean prune;

    @Override
    public Integer call() throws IOException {
        if (check != null) {
            for (String name : folders(check)) {
                System.out.println(StackImages.describe(check, name));
            }
            return Main.OK;
        }
        int failed = 0;
        for (String name : index()) {
            failed += report("images/" + name, () -> StackImages.ensureFolder(name));
        }
        for (StackProfile p : ProfileCatalog.withDirectory(profilesDir).all()) {
            if (p.jvm() == null) { // the jvm stacks run in child JVMs, not images
                failed += report("profile " + p.id(), () -> StackImages.ensure(p));
            }
        }
        if (prune && failed == 0) { // a failed build would leave its repository without a kept tag to judge by
            List<String> lines = StackImages.pruneStale();
            lines.forEach(System.out::println);
            System.out.println("pruned " + lines.stream().filter(l -> l.startsWith("removed ")).count() + " stale tags");
        }
        return failed == 0 ? Main.OK : Main.HARNESS;
    }

    private interface Build {
        String tag();
    }

    /** One line per image: its tag, or why it was not built (the RHEL folders without a registry). */
    private static int report(String what, Build b) {
        long t0 = System.nanoTime();
        try {
            System.out.printf("%-34s %s (%.1f s)%n", what, b.tag(), (System.nanoTime() - t0) / 1e9);
            return 0;
        } catch (RuntimeException e) {
            boolean noBase = String.valueOf(e.getMessage()).contains("is not built");
            System.out.printf("%-34s not built: %s%n", what, e.getMessage());
            return noBase && what.startsWith("images/rhel-") ? 0 : 1; // the RHEL bases need a registry (README)
        }
    }

    private static List<String> index() throws IOException {
        try (var in = ImagesCommand.class.getResourceAsStream("/images/index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    private static List<String> folders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new io.handshakematrix.yaml.InputError(dir.toString(), 0, "not a directory; expected a directory of image folders");
        }
        List<String> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.filter(p -> Files.isRegularFile(p.resolve("Dockerfile")) || Files.isDirectory(p) && !isShared(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String n : names) {
            if (!n.matches(FOLDER_NAME)) { // the name becomes part of an image tag and of paths in the build
                throw new io.handshakematrix.yaml.InputError(dir.resolve(n).toString(), 0, "folder name '" + n
                        + "'; expected letters, digits, '.', '_' and '-' only (it becomes an image tag)");
            }
        }
        Path index = dir.resolve("index.txt");
        if (Files.isRegularFile(index)) {
            int n = 0;
            for (String line : new String(io.handshakematrix.yaml.InputFiles.read(index, 1 << 20, "an index of image "
                    + "folders"), StandardCharsets.UTF_8).split("\n", -1)) {
                n++;
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#") && !names.contains(name)) {
                    throw new io.handshakematrix.yaml.InputError(index.toString(), n, "no folder '" + name + "' with a "
                            + "Dockerfile in " + dir + "; expected one of the folders next to this index");
                }
            }
        }
        return names;
    }

    private static final String FOLDER_NAME = "[a-z0-9][a-z0-9._-]*";

    /** images/shims and images/stack-agent hold shared parts and templates, not one image's folder. */
    private static boolean isShared(Path p) {
        String n = p.getFileName().toString();
        return n.equals("shims") || n.equals("stack-agent");
    }
}
