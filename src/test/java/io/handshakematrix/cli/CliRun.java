package io.handshakematrix.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;

/** One in-process command line: exit code and what it printed (tests call this instead of main). */
record CliRun(int code, String out, String err) {

    static synchronized CliRun of(String... args) {
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
