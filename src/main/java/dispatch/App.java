package dispatch;

import dispatch.web.WebServer;

/** Starts Dispatch: reads the configuration from the environment and serves the site. */
public final class App {
    public static void main(String[] args) {
        System.exit(Cli.run(args, Config.fromEnvironment(System.getenv()), System.in, System.out, System.err));
    }

    private App() {}
}
