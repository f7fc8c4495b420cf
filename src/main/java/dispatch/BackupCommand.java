package dispatch;

import dispatch.db.Database;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code backup --to FILE [--force]}: a consistent copy of the database, taken while the site
 * goes on serving. The copy is written beside the target under a temporary name and moved into
 * place when complete, so FILE is never a half-written backup. An existing FILE is kept unless
 * {@code --force} says to replace it.
 */
@Command(name = "backup",
    description = {
        "Write a consistent copy of the database to FILE while the site serves.",
        "",
        "It copies the SQLite database in DISPATCH_DATA_DIR, like the server. The copy is written beside FILE"
            + " under a temporary name and moved into place when complete, so FILE is never a half-written backup."
            + " Uploaded images are in the data folder's media/: copy that folder alongside. On PostgreSQL"
            + " (DISPATCH_DATABASE_URL) use pg_dump instead."},
    exitCodeList = {
        "0:the backup is written",
        "1:it could not be written, FILE exists already (without --force), or the site runs on PostgreSQL",
        "2:a mistake in the options"})
final class BackupCommand extends Cli.Subcommand {
    @Option(names = "--to", required = true, paramLabel = "FILE", description = "Where to write the copy of the database.")
    Path target;

    @Option(names = "--force", description = "Replace FILE if it exists already; without it, an existing FILE is kept.")
    boolean force;

    BackupCommand(Config config, PrintStream out, PrintStream err) {
        super("backup needs --to FILE", config, out, err);
    }

    @Override
    public Integer call() {
        if (config.postgresql()) {
            // VACUUM INTO is SQLite's; PostgreSQL has its own consistent, online copy.
            err.println("dispatch: backup copies the SQLite database in the data folder, but this site runs on"
                + " PostgreSQL (DISPATCH_DATABASE_URL). Back it up with PostgreSQL's own tools, for example"
                + " pg_dump --format=custom --file=dispatch.dump DATABASE, and copy the data folder's media/ beside it.");
            return Cli.FAILED;
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
