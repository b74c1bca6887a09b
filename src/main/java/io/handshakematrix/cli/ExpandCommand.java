package io.handshakematrix.cli;

import io.handshakematrix.dh.DhGroupCatalog;
import io.handshakematrix.runner.Engines;
import io.handshakematrix.matrix.Matrix;
import io.handshakematrix.matrix.MatrixLoader;
import io.handshakematrix.matrix.MatrixLock;
import io.handshakematrix.yaml.InputError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes (or checks) the matrix's lock file: every cell, the rule that decides it, and its expectation. */
@Command(name = "expand", mixinStandardHelpOptions = true,
        header = "Write the matrix's expansion to its lock file: every cell, its expectation and the deciding rule.",
        description = {"Expands the matrix (with its include:s) without running anything and writes one sorted line",
            "per cell: the cell, what the rule that decides it expects, and that rule's file:line. Commit the lock",
            "next to the matrix: a change of a rule or of a profile then shows, cell by cell, in review.",
            "'mvn verify' fails when the committed lock is stale. --check only compares: exit 2 with the first",
            "line that differs (file:line: what was expected)."},
        footer = {"", "Examples:",
            "  expand                                   matrix.yaml -> matrix.lock",
            "  expand --matrix matrix-containers.yaml   -> matrix-containers.lock",
            "  expand --check                           is matrix.lock current? (exit 0 yes, 2 no)"})
final class ExpandCommand implements Callable<Integer> {
    @Option(names = "--matrix", paramLabel = "FILE", defaultValue = "matrix.yaml",
            description = "matrix file (default: ${DEFAULT-VALUE})")
    Path matrixFile;

    @Option(names = "--profiles", paramLabel = "DIR",
            description = "extra directory of stack profile *.yaml files (added to the shipped ones)")
    Path profilesDir;

    @Option(names = "--lock", paramLabel = "FILE", description = "lock file (default: the matrix's name with .lock)")
    Path lockFile;

    @Option(names = "--check", description = "only compare the lock with the expansion; write nothing")
    boolean check;

    @Override
    public Integer call() throws Exception {
        Matrix m = new MatrixLoader(RunCommand.profilesFor(matrixFile, profilesDir), DhGroupCatalog.builtin(),
                Engines.standard().names()).load(matrixFile);
        Path lock = lockFile != null ? lockFile : MatrixLock.defaultFile(matrixFile);
        if (Files.exists(lock) && !Files.isRegularFile(lock)) {
            throw new InputError(lock.toString(), 0, "not a regular file (a directory?); expected the lock file to write"
                    + " or check");
        }
        Path dir = lock.toAbsolutePath().getParent();
        String text = MatrixLock.render(m, matrixFile.getFileName().toString(), dir);
        if (check) {
            Optional<InputError> stale = MatrixLock.staleness(lock, text, "'handshake-matrix expand --matrix "
                    + matrixFile + "'");
            if (stale.isPresent()) {
                throw stale.get();
            }
            System.out.println(lock + " is current (" + m.cells().size() + " cells)");
            return Main.OK;
        }
        // to a temporary file, then renamed over the lock: a full disk or a kill leaves the committed lock whole
        Path tmp = dir.resolve(lock.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, lock, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            Files.deleteIfExists(tmp);
            throw new InputError(lock.toString(), 0, "cannot write (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); the lock there is unchanged");
        }
        System.out.println("wrote " + lock + " (" + m.cells().size() + " cells)");
        return Main.OK;
    }
}
