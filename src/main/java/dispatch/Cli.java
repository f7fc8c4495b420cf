package dispatch;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The command line, {@code java -jar dispatch.jar [COMMAND]}, parsed by picocli: each command
 * is a class with its options as fields, and with no command the site is served. Every command
 * takes {@code --help}. A mistake in what was typed ends with one line on standard error that
 * names it, and status 2; a problem found while running, with one plain line and status 1 (the
 * audit has codes of its own). Never a stack trace: the person at the terminal can act on a
 * line, not on a trace.
 */
@Command(name = "java -jar dispatch.jar",
    description = {"Dispatch, an accessibility-first news site and newsroom. With no command, it serves the site."},
    synopsisSubcommandLabel = "[COMMAND]",
    commandListHeading = "%nCommands:%n",
    footer = {"", "java -jar dispatch.jar COMMAND --help describes a command and its options."})
final class Cli implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    /**
     * What every command has: --help, a list of its exit codes, the line that refuses a mistake,
     * the site's configuration, and the streams it writes to (those given to {@link #run}, so that
     * tests read them).
     */
    @Command(exitCodeListHeading = "%nExit status:%n")
    abstract static class Subcommand implements Callable<Integer> {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help, then exit.")
        boolean help;

        /** What the command cannot do without, said first in the line that refuses a mistake in its options. */
        private final String needs;
        final Config config;
        final PrintStream out;
        final PrintStream err;

        Subcommand(String needs, Config config, PrintStream out, PrintStream err) {
            this.needs = needs;
            this.config = config;
            this.out = out;
            this.err = err;
        }

        /**
         * What the line that refuses a mistake says after "dispatch: ": what the command needs,
         * then picocli's words for the mistake. A command may name the mistake better itself.
         *
         * @param problem picocli's message, on one line
         */
        String refusal(ParameterException mistake, String problem) {
            return needs + ": " + problem;
        }
    }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help, then exit.")
    boolean help;

    private final ServeCommand serve;

    private Cli(ServeCommand serve) {
        this.serve = serve;
    }

    static int run(String[] args, Config config, InputStream in, PrintStream out, PrintStream err) {
        return run(args, config, System.getenv(), in, out, err);
    }

    /** @param env the environment, which the audit reads the account to sign in with from */
    static int run(String[] args, Config config, java.util.Map<String, String> env, InputStream in, PrintStream out,
                   PrintStream err) {
        ServeCommand serve = new ServeCommand(config, out, err);
        PrintWriter outWriter = writer(out);
        PrintWriter errWriter = writer(err);
        CommandLine line = new CommandLine(new Cli(serve))
            .addSubcommand(serve)
            .addSubcommand(new CreateUserCommand(config, in, out, err))
            .addSubcommand(new CheckCommand(config, out, err))
            .addSubcommand(new BackupCommand(config, out, err))
            .addSubcommand(new AuditCommand(config, env, out, err, Clock.systemUTC()))
            .addSubcommand(new CommandLine.HelpCommand());
        // Set after the commands are added: picocli hands the writers to the commands it has then.
        // Room for the longest option with its value (--username-field=NAME) beside its description.
        line.setUsageHelpLongOptionsMaxWidth(24);
        line.setOut(outWriter)
            .setErr(errWriter)
            .setParameterExceptionHandler(Cli::refuse)
            .setExecutionExceptionHandler(Cli::fail);
        try {
            return line.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    @Override
    public Integer call() {
        return serve.call();
    }

    /** A mistake in what was typed: one line naming it, and status 2. */
    private static int refuse(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String problem = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && command.getCommand() instanceof Cli
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            problem = "unknown command \"" + unmatched.getUnmatched().get(0) + "\"";
        }
        // A value typed with a line break in it must not make the one line two; "Error: " would repeat "dispatch: ".
        problem = problem.replaceAll("\\R", " ").replaceFirst("^Error: ", "");
        if (command.getCommand() instanceof Subcommand c) {
            err.println("dispatch: " + c.refusal(e, problem) + " (java -jar dispatch.jar " + command.getCommandName()
                + " --help lists its options)");
        } else {
            err.println("dispatch: " + problem);
            command.usage(err);  // the list of commands
        }
        return USAGE;
    }

    /** What a command could not foresee (a database that cannot be opened, say): one line, and status 1. */
    private static int fail(Exception e, CommandLine command, ParseResult parsed) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName()
            : e.getMessage().lines().findFirst().orElse("").strip();
        command.getErr().println("dispatch: " + (e instanceof StartupException ? ""
            : command.getCommandName() + " stopped: ") + message);
        return FAILED;
    }

    /**
     * picocli writes its help and errors through the given stream itself, in that stream's
     * character set and in order with what the commands print to it.
     */
    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                stream.print(new String(chars, offset, length));
            }

            @Override
            public void flush() {
                stream.flush();
            }

            @Override
            public void close() {
                stream.flush();
            }
        }, true);
    }
}
