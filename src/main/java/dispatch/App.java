package dispatch;

/** Starts Dispatch: reads the configuration from the environment and serves the site. */
public final class App {
    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            // A setting a person can fix: one line saying which and why, not a stack trace, and
            // the status of a mistake in what was given (2), as for a mistake in the options.
            System.err.println("dispatch: " + e.getMessage());
            System.exit(Cli.USAGE);
            return;
        }
        System.exit(Cli.run(args, config, System.getenv(), System.in, System.out, System.err));
    }

    private App() {}
}
