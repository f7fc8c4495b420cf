package dispatch;

import dispatch.db.Database;
import dispatch.demo.DemoPublication;
import dispatch.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import org.eclipse.jetty.server.Server;

/**
 * The command line: with no arguments, serve the site. Problems a person can fix (a port in
 * use, a data folder that cannot be written) end with one plain line on standard error and a
 * non-zero exit code, never a stack trace.
 */
final class Cli {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static int run(String[] args, Config config, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("serve")) {
            return serve(config, out, err);
        }
        if (args[0].equals("create-user") || args[0].equals("check")) {
            Database database;
            try {
                database = Database.open(config);
            } catch (StartupException e) {
                err.println("dispatch: " + e.getMessage());
                return FAILED;
            }
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            try {
                return args[0].equals("create-user")
                    ? new CreateUserCommand(database, in, out, err).run(rest)
                    : new CheckCommand(database, out, err).run(rest);
            } finally {
                database.close();
            }
        }
        if (args[0].equals("backup")) {
            return new BackupCommand(config, out, err).run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        if (args[0].equals("audit")) {
            return new AuditCommand(out, err, java.time.Clock.systemUTC(), () -> Database.open(config))
                .run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        if (args[0].equals("--help") || args[0].equals("help")) {
            out.println(usage());
            return OK;
        }
        err.println("dispatch: unknown command \"" + args[0] + "\"\n" + usage());
        return USAGE;
    }

    private static String usage() {
        return """
            Usage: java -jar dispatch.jar [command]
              serve         serve the site (the default); configured by DISPATCH_* environment variables
              create-user --email EMAIL --name NAME --role contributor|editor|admin
                            add a member of staff; the password is read from standard input
              check --all | check SLUG...
                            run the publishing accessibility checks on existing articles
              backup --to FILE [--force]
                            write a consistent copy of the database to FILE while the site serves
              audit --base-url URL --out DIR [--max-pages N] [--reviews FILE] [--record]
                            audit any website in headless Chromium (axe-core, keyboard, reflow,
                            text spacing, dark scheme) and write report.html, acr.html and more
                            into DIR; exit 1 if it finds problems at WCAG A or AA""";
    }

    private static int serve(Config config, PrintStream out, PrintStream err) {
        Server server = null;
        Database database = null;
        try {
            database = Database.open(config);
            if (config.loadDemo()) {
                new DemoPublication(database, config.dataDir()).loadIfEmpty();
            }
            server = WebServer.newServer(config, database);
            server.setStopTimeout(5_000);
            server.start();
            // Stops the server cleanly on SIGTERM and Ctrl-C: requests in flight finish first.
            server.setStopAtShutdown(true);
        } catch (StartupException e) {
            err.println("dispatch: " + e.getMessage());
            stopQuietly(server, database);
            return FAILED;
        } catch (Exception e) {
            err.println("dispatch: " + explain(e, config));
            stopQuietly(server, database);
            return FAILED;
        }
        out.println("Dispatch is serving " + config.siteName() + " at " + WebServer.address(server, config));
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return OK;
    }

    private static void stopQuietly(Server server, Database database) {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // Already failing to start; the first error is the one worth reporting.
            }
        }
        if (database != null) {
            database.close();
        }
    }

    private static String explain(Exception e, Config config) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return "cannot listen on " + config.bind() + ":" + config.port()
                    + " (" + t.getMessage() + "). Is another program using it? Set DISPATCH_PORT or DISPATCH_BIND.";
            }
        }
        if (e instanceof IOException) {
            return "could not start: " + e.getMessage();
        }
        return "could not start: " + e;
    }

    private Cli() {}
}
