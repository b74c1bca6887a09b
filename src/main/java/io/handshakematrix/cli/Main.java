package io.handshakematrix.cli;

import io.handshakematrix.yaml.InputError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar target/handshake-matrix.jar <command>}. */
@Command(name = "handshake-matrix",
        mixinStandardHelpOptions = true,
        version = "handshake-matrix 0.1",
        description = {
            "Predicts whether TLS handshakes between crypto stacks succeed, from real handshakes on 127.0.0.1.",
            "A sender is the TLS client, a receiver the TLS server; stacks are YAML profiles (see 'profiles').",
            ""},
        subcommands = {RunCommand.class, ProfilesCommand.class, PingCommand.class, DiagnoseCommand.class, ExplainCommand.class,
            ConnectCommand.class, ServeCommand.class, DhCommand.class, MergeCommand.class, BenchCommand.class,
            PlanCommand.class, ExpandCommand.class, ImagesCommand.class, ShippedResultsCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 every cell as expected; 1 some cell differs from matrix.yaml;",
            "            2 bad input (file:line: what was expected), or a filter matching no cell;",
            "            3 harness failure, or the machine lacks what the cells need (one line up front).",
            "", "Example: java -jar target/handshake-matrix.jar run --matrix matrix.yaml --out reports"})
public final class Main implements java.util.concurrent.Callable<Integer> {
    public static final int OK = 0;
    public static final int DIFFERENCES = 1;
    public static final int BAD_INPUT = 2;
    public static final int HARNESS = 3;

    /** No command given: the usage on stderr and exit 2, so a script that forgot its command does not pass. */
    @Override
    public Integer call() {
        CommandLine cl = new CommandLine(this);
        cl.setUsageHelpWidth(110);
        cl.usage(System.err);
        return BAD_INPUT;
    }

    public static void main(String[] args) {
        TestcontainersEnvironment.relaunchIfNeeded(args).ifPresent(System::exit); // mends two env vars
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setUsageHelpWidth(110); // descriptions are written as lines of up to ~105 characters
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InputError ie) {
                cmd.getErr().println(ie.oneLine());
                return BAD_INPUT;
            }
            cmd.getErr().println("handshake-matrix: internal error: " + e);
            e.printStackTrace(cmd.getErr());
            return HARNESS;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().getErr().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        return cl.execute(args);
    }
}
