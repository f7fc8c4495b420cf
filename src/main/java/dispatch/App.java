package dispatch;

import dispatch.web.WebServer;

/** Starts Dispatch: reads the configuration from the environment and serves the site. */
public final class App {
    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            // A setting that cannot be read is one line for the operator, not a stack trace.
            System.err.println("dispatch: " + e.getMessage());
            System.exit(Cli.USAGE);
            return;
        }
        System.exit(Cli.run(args, config, System.in, System.out, System.err));
    }

    private App() {}
}
