package dispatch;

import dispatch.db.Database;
import dispatch.demo.DemoPublication;
import dispatch.web.WebServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import org.eclipse.jetty.server.Server;
import picocli.CommandLine.Command;

/**
 * {@code serve}, also what runs when no command is given: serves the site until SIGTERM or
 * Ctrl-C. Problems a person can fix (a port in use, a data folder that cannot be written) end
 * with one plain line on standard error and status 1, never a stack trace.
 */
@Command(name = "serve",
    description = {
        "Serve the site (the default); configured by DISPATCH_* environment variables.",
        "",
        "The main ones: DISPATCH_PORT (default 8080) and DISPATCH_BIND (default 127.0.0.1), where to listen;"
            + " DISPATCH_DATA_DIR (default ./data), the folder for the SQLite database, uploaded media and the mail"
            + " outbox; DISPATCH_DATABASE_URL, a PostgreSQL database to use instead of SQLite; DISPATCH_DEMO"
            + " (default true), whether to load the demo publication into an empty database. The README's"
            + " Configuration section lists them all.",
        "",
        "Ctrl-C or SIGTERM stops it; requests in flight finish first."},
    exitCodeList = {
        "0:stopped by Ctrl-C or SIGTERM",
        "1:could not start: the port is taken, the data folder cannot be written, or the database cannot be"
            + " reached (one line says which)",
        "2:a mistake in the command line"})
final class ServeCommand extends Cli.Subcommand {
    ServeCommand(Config config, PrintStream out, PrintStream err) {
        super("serve takes no options (its settings are DISPATCH_* environment variables)", config, out, err);
    }

    @Override
    public Integer call() {
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
            return Cli.FAILED;
        } catch (Exception e) {
            err.println("dispatch: " + explain(e));
            stopQuietly(server, database);
            return Cli.FAILED;
        }
        out.println("Dispatch is serving " + config.siteName() + " at " + WebServer.address(server, config));
        try {
            server.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
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

    private String explain(Exception e) {
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
}
