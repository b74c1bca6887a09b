package io.handshakematrix.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** Runs a command line in-process with stdout and stderr captured. */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int code = Main.execute(args);
            return new CliRun(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    String all() {
        return out + err;
    }
}
