package dispatch.support;

import dispatch.db.Database;
import dispatch.demo.DemoPublication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The demo publication, built once per test run and copied for every test site that wants it.
 * Building it runs the migrations, draws 32 images into their renditions and hashes the demo
 * staff's passwords: seconds each time, for some twenty sites a run. A copy is a folder copy on
 * SQLite (the database file and media/) and {@code CREATE DATABASE ... TEMPLATE} on PostgreSQL,
 * which gives each site the same publication, loaded by the same {@link DemoPublication}, and
 * every site still a database of its own.
 */
final class DemoTemplate {
    private static Path folder;
    private static String postgresqlName;

    /** The folder holding the built demo: dispatch.db on SQLite, and media/ on both engines. */
    static synchronized Path folder() {
        if (folder == null) {
            try {
                Path built = Files.createTempDirectory("dispatch-demo-template");
                Database database;
                if (TestDatabase.postgresql()) {
                    postgresqlName = TestDatabase.freshName();
                    database = Database.open(TestDatabase.url(postgresqlName), "postgres", null);
                } else {
                    database = Database.open(built);
                }
                try {
                    new DemoPublication(database, built).loadIfEmpty();
                } finally {
                    // Closed, so that SQLite folds its WAL into the file and PostgreSQL lets the
                    // database serve as a template (it must have no connections).
                    database.close();
                }
                folder = built;
            } catch (IOException e) {
                throw new UncheckedIOException("could not build the demo publication for the tests", e);
            }
        }
        return folder;
    }

    /** On PostgreSQL, the database to copy; null on SQLite. */
    static synchronized String postgresqlTemplate() {
        folder();
        return postgresqlName;
    }

    /** Copies the built demo's files (the SQLite database, if any, and media/) into an empty data folder. */
    static void copyInto(Path dataDir) {
        Path from = folder();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = dataDir.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    // With its permissions: the database and the staff's passwords are the owner's alone.
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy the demo publication into " + dataDir, e);
        }
    }

    private DemoTemplate() {}
}
