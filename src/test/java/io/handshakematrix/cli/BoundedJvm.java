package io.handshakematrix.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One command line in a child JVM under {@code -Xmx256m} with a wall-clock limit: what a hostile input costs is
 * measured in a heap of the size the runs used, and a case that would hang or exhaust memory ends anyway
 * (the child is killed at the limit, which the test reports as a failure).
 */
record BoundedJvm(int code, String out, String err, long millis, boolean killed) {
    static final String HEAP = "-Xmx256m";

    static BoundedJvm run(Path workDir, long limitSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", classPath(), Main.class.getName()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("hm-bounded", ".out");
        Path err = Files.createTempFile("hm-bounded", ".err");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            boolean done = p.waitFor(limitSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor();
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new BoundedJvm(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), ms, !done);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The classpath with relative entries made absolute (the child runs in another working directory). */
    private static String classPath() {
        List<String> abs = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            abs.add(Path.of(e).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, abs);
    }

    String all() {
        return "exit " + code + (killed ? " (killed at the limit)" : "") + " after " + millis + " ms\n" + out + err;
    }
}
