package dispatch;

import dispatch.db.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code backup --to FILE [--force]}: a consistent copy of the database, taken while the site
 * goes on serving. The copy is written beside the target under a temporary name and moved into
 * place when complete, so FILE is never a half-written backup. An existing FILE is kept unless
 * {@code --force} says to replace it.
 */
final class BackupCommand {
    private final Config config;
    private final PrintStream out;
    private final PrintStream err;

    BackupCommand(Config config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        if (config.postgresql()) {
            // VACUUM INTO is SQLite's; PostgreSQL has its own consistent, online copy.
            err.println("dispatch: backup copies the SQLite database in the data folder, but this site runs on"
                + " PostgreSQL (DISPATCH_DATABASE_URL). Back it up with PostgreSQL's own tools, for example"
                + " pg_dump --format=custom --file=dispatch.dump DATABASE, and copy the data folder's media/ beside it.");
            return Cli.FAILED;
        }
        Path target = null;
        boolean force = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--to") && i + 1 < args.length) {
                target = Path.of(args[++i]);
            } else if (args[i].equals("--force")) {
                force = true;
            } else {
                err.println("dispatch: backup takes --to FILE, and --force to replace an existing FILE");
                return Cli.USAGE;
            }
        }
        if (target == null) {
            err.println("dispatch: backup needs --to FILE: where to write the copy of the database");
            return Cli.USAGE;
        }
        if (Files.exists(target) && !force) {
            err.println("dispatch: " + target + " already exists; choose another file, or add --force to replace it");
            return Cli.FAILED;
        }
        Path folder = target.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            err.println("dispatch: the folder for " + target + " does not exist");
            return Cli.FAILED;
        }
        Path partial = folder.resolve("." + target.getFileName() + ".partial");
        try {
            Files.deleteIfExists(partial);
            Database.backup(config.dataDir(), partial);
            move(partial, target);
        } catch (StartupException e) {
            err.println("dispatch: " + e.getMessage());
            deleteQuietly(partial);
            return Cli.FAILED;
        } catch (IOException e) {
            err.println("dispatch: could not write the backup to " + target + " (" + e.getMessage() + ")");
            deleteQuietly(partial);
            return Cli.FAILED;
        }
        out.println("Backed up " + config.dataDir().resolve("dispatch.db") + " to " + target);
        return Cli.OK;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // The failure already reported is the one that matters.
        }
    }
}
