package dispatch.db;

import dispatch.Config;
import dispatch.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The database: a data source, the migrations applied to it, and the Jdbi handle every feature
 * uses. Anything that differs between database engines lives in {@link Dialect}.
 */
public final class Database implements AutoCloseable {
    /** The advisory lock {@link #exclusively} holds: any number, the same on every node. */
    private static final long STARTUP_LOCK = 0x64697370L;  // "disp"
    private final Jdbi jdbi;
    private final Dialect dialect;
    private final Flyway flyway;
    private final DataSource source;
    private final Supplier<Connection> direct;

    private Database(Jdbi jdbi, Dialect dialect, Flyway flyway, DataSource source, Supplier<Connection> direct) {
        this.jdbi = jdbi;
        this.dialect = dialect;
        this.flyway = flyway;
        this.source = source;
        this.direct = direct;
    }

    /**
     * Opens the database the configuration names, and migrates it: PostgreSQL when
     * DISPATCH_DATABASE_URL is set, otherwise SQLite in the data folder.
     */
    public static Database open(Config config) {
        if (!config.postgresql()) {
            return open(config.dataDir());
        }
        // The database is elsewhere, but the data folder still holds the outbox and the demo staff's passwords.
        tighten(config.dataDir());
        return open(config.databaseUrl(), config.databaseUser(), config.databasePassword());
    }

    /** Opens (creating if needed) the SQLite database in the data folder and migrates it. */
    public static Database open(Path dataDir) {
        Path file = writableFolder(dataDir).resolve("dispatch.db");
        ownerOnly(file);
        DataSource source = Dialect.SQLITE.dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null);
        return migrate(Dialect.SQLITE, source, () -> {
            try {
                return source.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Opens the PostgreSQL database at this JDBC URL and migrates it. The database must exist;
     * the user needs to create tables in it (the first start creates every table).
     */
    public static Database open(String url, String user, String password) {
        Dialect dialect = Dialect.of(url);
        DataSource source;
        try {
            source = dialect.dataSource(url, user, password);
        } catch (RuntimeException e) {
            // The pool connects once on creation: a server that is down, a wrong password or a
            // missing database is one line for the person starting the site.
            throw new StartupException("cannot connect to the database at " + url + " (" + rootMessage(e)
                + "). Check DISPATCH_DATABASE_URL, DISPATCH_DATABASE_USER and DISPATCH_DATABASE_PASSWORD.", e);
        }
        Supplier<Connection> direct = () -> {
            Properties login = new Properties();
            if (user != null) {
                login.setProperty("user", user);
            }
            if (password != null) {
                login.setProperty("password", password);
            }
            try {
                return DriverManager.getConnection(url, login);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot connect to the database at " + url + " (" + e.getMessage() + ")", e);
            }
        };
        try {
            return migrate(dialect, source, direct);
        } catch (RuntimeException e) {
            closeQuietly(source);
            throw e;
        }
    }

    private static Database migrate(Dialect dialect, DataSource source, Supplier<Connection> direct) {
        Flyway flyway = flyway(source, dialect);
        flyway.migrate();
        Jdbi jdbi = Jdbi.create(source).installPlugin(new SqlObjectPlugin());
        dialect.customise(jdbi);
        return new Database(jdbi, dialect, flyway, source, direct);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    private static void closeQuietly(DataSource source) {
        if (source instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Already failing; the first error is the one worth reporting.
            }
        }
    }

    private static Flyway flyway(DataSource source, Dialect dialect) {
        return Flyway.configure()
            .dataSource(source)
            .locations(dialect.migrations())
            .javaMigrations(new dispatch.article.FreeTextMigration())
            .placeholders(dialect.placeholders())
            .load();
    }

    /**
     * True when the database answers and every migration this build knows is applied: what a
     * load balancer needs to know before sending readers here. Never throws.
     */
    public boolean ready() {
        try {
            jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one());
            return flyway.info().pending().length == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes a consistent copy of the database in the data folder to {@code target}, without
     * opening it through the migrations (a backup must not change what it copies). SQLite's
     * {@code VACUUM INTO} reads one snapshot, so a site serving and writing meanwhile is fine:
     * the copy has every transaction committed before it began and none after.
     */
    public static void backup(Path dataDir, Path target) {
        Path file = dataDir.resolve("dispatch.db");
        if (!Files.isRegularFile(file)) {
            throw new StartupException("there is no database at " + file.toAbsolutePath()
                + ". Set DISPATCH_DATA_DIR to the data folder of the site to back up.", null);
        }
        try {
            // VACUUM INTO fills an empty file it finds; made here first, the copy is its owner's only.
            OwnerOnly.file(target);
        } catch (IOException e) {
            throw new StartupException("could not write the backup to " + target.toAbsolutePath()
                + " (" + e.getMessage() + ")", e);
        }
        DataSource source = Dialect.sqlite("jdbc:sqlite:" + file.toAbsolutePath());
        try (var connection = source.getConnection();
             var statement = connection.prepareStatement("VACUUM INTO ?")) {
            statement.setString(1, target.toAbsolutePath().toString());
            statement.execute();
        } catch (java.sql.SQLException e) {
            throw new StartupException("could not write the backup to " + target.toAbsolutePath()
                + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The database file, readable by its owner only: made empty with those permissions before
     * SQLite first opens it (SQLite takes an empty file for a new database), or tightened if it
     * exists. SQLite creates the -wal and -shm files beside it with the database file's own
     * permissions, each time it recreates them, so they are the owner's only too; any left from
     * before are tightened here.
     */
    private static void ownerOnly(Path file) {
        try {
            OwnerOnly.file(file);
            OwnerOnly.restrict(file.resolveSibling(file.getFileName() + "-wal"));
            OwnerOnly.restrict(file.resolveSibling(file.getFileName() + "-shm"));
        } catch (IOException e) {
            throw new StartupException("the database " + file.toAbsolutePath() + " cannot be made private to this user ("
                + e.getMessage() + "). Check the owner of the data folder.", e);
        }
    }

    /**
     * The private files in the data folder, tightened to their owner's only if an older version
     * (or anyone) left them readable; see {@link OwnerOnly#tightenDataFolder}. Uploaded images in
     * media/ are public and stay as they are.
     */
    private static void tighten(Path dataDir) {
        try {
            // outbox/: the folder OutboxMailer writes each message into (sign-in and reset links).
            OwnerOnly.tightenDataFolder(dataDir, "outbox");
        } catch (IOException e) {
            throw new StartupException("the files in the data folder " + dataDir.toAbsolutePath()
                + " cannot be made private to this user (" + e.getMessage() + "). Check their owner.", e);
        }
    }

    /** The data folder, made if need be, and its owner's only (0700): it holds the database and the outbox. */
    static Path writableFolder(Path dataDir) {
        try {
            OwnerOnly.folder(dataDir);
            tighten(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
            return dataDir;
        } catch (IOException | SecurityException e) {
            throw new StartupException("the data folder " + dataDir.toAbsolutePath()
                + " cannot be written. Set DISPATCH_DATA_DIR to a folder Dispatch may write to.", e);
        }
    }

    /**
     * A new connection of its own, outside the pool, for a caller that keeps one open for long
     * (PostgreSQL's LISTEN, see {@link PostgresRelay}); the caller closes it.
     */
    public Connection connectDirectly() {
        return direct.get();
    }

    /** Closes the pool of connections. */
    @Override
    public void close() {
        closeQuietly(source);
    }

    /**
     * Runs {@code work} while no other node runs work this way on the same database: on
     * PostgreSQL it holds an advisory lock meanwhile (the other nodes wait for it); SQLite is one
     * node's, so there it simply runs. For start-up work that must happen once, such as loading
     * the demo publication into an empty database.
     */
    public <T> T exclusively(Supplier<T> work) {
        if (dialect != Dialect.POSTGRESQL) {
            return work.get();
        }
        return jdbi.withHandle(h -> {
            h.execute("SELECT pg_advisory_lock(" + STARTUP_LOCK + ")");
            try {
                return work.get();
            } finally {
                h.execute("SELECT pg_advisory_unlock(" + STARTUP_LOCK + ")");
            }
        });
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** A SqlObject for one feature, bound to this database (each call opens its own handle). */
    public <T> T dao(Class<T> type) {
        return jdbi.onDemand(type);
    }
}
