package dispatch.db;

import dispatch.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The database: a data source, the migrations applied to it, and the Jdbi handle every feature
 * uses. Anything that differs between database engines lives in {@link Dialect}.
 */
public final class Database {
    private final Jdbi jdbi;
    private final Dialect dialect;

    private Database(Jdbi jdbi, Dialect dialect) {
        this.jdbi = jdbi;
        this.dialect = dialect;
    }

    /** Opens (creating if needed) the SQLite database in the data folder and migrates it. */
    public static Database open(Path dataDir) {
        Path file = writableFolder(dataDir).resolve("dispatch.db");
        Dialect dialect = Dialect.SQLITE;
        DataSource source = dialect.dataSource("jdbc:sqlite:" + file.toAbsolutePath());
        migrate(source, dialect);
        Jdbi jdbi = Jdbi.create(source).installPlugin(new SqlObjectPlugin());
        dialect.customise(jdbi);
        return new Database(jdbi, dialect);
    }

    private static void migrate(DataSource source, Dialect dialect) {
        Flyway.configure()
            .dataSource(source)
            .locations(dialect.migrations())
            .placeholders(dialect.placeholders())
            .load()
            .migrate();
    }

    static Path writableFolder(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path probe = Files.createTempFile(dataDir, ".write-check", ".tmp");
            Files.delete(probe);
            return dataDir;
        } catch (IOException | SecurityException e) {
            throw new StartupException("the data folder " + dataDir.toAbsolutePath()
                + " cannot be written. Set DISPATCH_DATA_DIR to a folder Dispatch may write to.", e);
        }
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
