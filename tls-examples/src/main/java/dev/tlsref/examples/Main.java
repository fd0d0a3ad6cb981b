package dev.tlsref.examples;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tlsref} command: {@code demo} (the default), {@code server} and {@code client}.
 * See DESIGN.md, "The tlsref command".
 */
@Command(name = "tlsref", mixinStandardHelpOptions = true, version = "tlsref 0.1.0",
        description = "TLS 1.3 and TLS 1.2, explained: a demo that narrates a handshake, and a client and"
                + " server for trying real peers. Without a subcommand, runs the demo.",
        subcommands = {DemoCommand.class, ServerCommand.class, ClientCommand.class})
public final class Main implements Callable<Integer> {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (for tests and embedding). */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line, with one-line error messages instead of stack traces. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("tlsref: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
            return 2;
        });
        return cl;
    }

    @Override
    public Integer call() {
        return new DemoCommand().call();
    }
}
