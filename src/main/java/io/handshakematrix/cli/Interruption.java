package io.handshakematrix.cli;

import io.handshakematrix.model.CellResult;
import io.handshakematrix.runner.ProgressListener;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

/**
 * What a run says when SIGINT (Ctrl-C) or SIGTERM (a CI job cancelled) ends it: one line with how many
 * cells are safely in the journal and the exact command that continues the run. A JVM shutdown hook, so
 * it also speaks when the signal comes mid-cell; removed when the run ends by itself.
 */
final class Interruption implements AutoCloseable {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private final AtomicInteger journaled = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();
    private final Thread hook;

    private Interruption(Path journal, String resumeCommand) {
        hook = new Thread(() -> System.err.printf("%ninterrupted: %d of %d cells are journaled in %s; continue with: %s%n",
                journaled.get(), total.get(), journal, resumeCommand), "interruption-message");
    }

    static Interruption watch(Path journal, String resumeCommand) {
        Interruption i = new Interruption(journal, resumeCommand);
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

    /** {@code display}, counting each cell it is told of: the runner journals a cell before it reports it. */
    ProgressListener counting(ProgressListener display) {
        return new ProgressListener() {
            @Override
            public void start(int cells, int alreadyDone) {
                total.set(cells);
                journaled.set(alreadyDone);
                display.start(cells, alreadyDone);
            }

            @Override
            public void cellDone(CellResult result) {
                journaled.incrementAndGet();
                display.cellDone(result);
            }

            @Override
            public void close() {
                display.close();
            }
        };
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it is the message we want
        }
    }

    /** How this process was started: {@code java -jar X.jar} when X.jar's main class is ours, else classpath and class. */
    static String launcher() {
        String cp = System.getProperty("java.class.path", "");
        if (cp.endsWith(".jar") && !cp.contains(File.pathSeparator) && Main.class.getName().equals(mainClass(cp))) {
            return "java -jar " + shellQuote(cp);
        }
        return "java -cp " + shellQuote(cp) + " " + Main.class.getName();
    }

    private static String mainClass(String jar) {
        try (JarFile j = new JarFile(jar)) {
            return j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("Main-Class");
        } catch (IOException e) {
            return null;
        }
    }

    static String shellQuote(String s) {
        return SAFE.matcher(s).matches() ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
