package dispatch.support;

import dispatch.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The database engine the tests run on. SQLite by default; with the system property
 * {@code dispatch.test.database=postgresql} (the pom's second test run), a real PostgreSQL:
 * one embedded server for the whole JVM, started on first use, and a database of its own for
 * every site or test that asks, so tests stay as isolated as with one SQLite file each.
 */
public final class TestDatabase {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    /** True when this run's tests are on PostgreSQL. */
    public static boolean postgresql() {
        return "postgresql".equals(System.getProperty("dispatch.test.database"));
    }

    /**
     * The DISPATCH_DATABASE_* settings for a new, empty database on this run's engine: none on
     * SQLite (the site uses its data folder), a freshly created PostgreSQL database otherwise.
     */
    public static Map<String, String> freshSettings() {
        if (!postgresql()) {
            return Map.of();
        }
        return Map.of("DISPATCH_DATABASE_URL", freshUrl(), "DISPATCH_DATABASE_USER", "postgres");
    }

    /** A new, migrated database on this run's engine; on SQLite, in this folder. */
    public static Database open(Path dataDir) {
        return postgresql() ? Database.open(freshUrl(), "postgres", null) : Database.open(dataDir);
    }

    /**
     * The DISPATCH_DATABASE_* settings for a new database holding the demo publication: none on
     * SQLite (the site's data folder gets a copy of the demo's file), otherwise a PostgreSQL
     * database created from the demo's (see {@link DemoTemplate}).
     */
    static Map<String, String> demoSettings() {
        if (!postgresql()) {
            return Map.of();
        }
        return Map.of("DISPATCH_DATABASE_URL", url(create(DemoTemplate.postgresqlTemplate())),
            "DISPATCH_DATABASE_USER", "postgres");
    }

    /** The JDBC URL of a new, empty PostgreSQL database on the shared embedded server. */
    public static String freshUrl() {
        return url(freshName());
    }

    /** The name of a new, empty PostgreSQL database on the shared embedded server. */
    static String freshName() {
        return create(null);
    }

    static synchronized String url(String name) {
        return server().getJdbcUrl("postgres", name);
    }

    /** Creates a database, empty or as a copy of {@code template}, and returns its name. */
    private static synchronized String create(String template) {
        EmbeddedPostgres pg = server();
        String name = "dispatch_" + DATABASES.incrementAndGet();
        try (var connection = pg.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template));
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the test database " + name, e);
        }
        return name;
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                // Enough connections for the sites a test class keeps open at once (each has a
                // small pool and, for cache invalidation, one listening connection).
                server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is ending; its temporary folder goes with it.
                }
            }));
        }
        return server;
    }

    private TestDatabase() {}
}
