package dispatch.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dispatch.Config;
import dispatch.StartupException;
import dispatch.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on SQLite, and again on PostgreSQL in the pom's second test run (see TestDatabase). */
@Tag("postgresql")
class DatabaseTest {
    private static final String TABLES = "('sections','topics','images','image_renditions','authors','articles',"
        + "'article_authors','article_topics','corrections','pages','users','sessions','plans','meter_reads',"
        + "'newsletters','newsletter_deliveries')";

    @TempDir
    Path dir;

    @Test
    void migrations_build_the_schema_and_a_second_open_changes_nothing() {
        Database first;
        Database again;
        if (TestDatabase.postgresql()) {
            String url = TestDatabase.freshUrl();
            first = Database.open(url, "postgres", null);
            again = Database.open(url, "postgres", null);
        } else {
            first = Database.open(dir);
            again = Database.open(dir);
        }
        String count = TestDatabase.postgresql()
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN "
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ";
        int tables = again.jdbi().withHandle(h -> h.createQuery(count + TABLES).mapTo(Integer.class).one());
        assertEquals(16, tables);
        assertTrue(again.ready(), "every migration is applied");
        first.close();
        again.close();
    }

    @Test
    void sqlite_runs_in_wal_mode() {
        assumeFalse(TestDatabase.postgresql(), "write-ahead logging is SQLite's setting");
        Database db = Database.open(dir);
        assertEquals("wal", db.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
    }

    @Test
    void a_failed_transaction_leaves_the_database_as_it_was() {
        Database db = TestDatabase.open(dir);
        assertThrows(RuntimeException.class, () -> db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO sections (slug, name, description, position) VALUES ('a', 'A', 'a', 0)");
            h.execute("INSERT INTO sections (slug, name, description, position) VALUES ('a', 'Again', 'a', 1)");
        }));
        int sections = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sections").mapTo(Integer.class).one());
        assertEquals(0, sections);
        db.close();
    }

    @Test
    void keys_are_numbered_by_the_database_on_either_engine() {
        Database db = TestDatabase.open(dir);
        long first = db.jdbi().withHandle(h -> h.createQuery(
            "INSERT INTO sections (slug, name, description, position) VALUES ('a', 'A', 'a', 0) RETURNING id")
            .mapTo(Long.class).one());
        long second = db.jdbi().withHandle(h -> h.createQuery(
            "INSERT INTO sections (slug, name, description, position) VALUES ('b', 'B', 'b', 1) RETURNING id")
            .mapTo(Long.class).one());
        assertEquals(first + 1, second);
        db.close();
    }

    @Test
    void a_data_folder_that_cannot_be_written_is_a_clear_startup_error() throws Exception {
        assumeFalse(TestDatabase.postgresql(), "only SQLite keeps its database in the data folder");
        Path file = Files.createFile(dir.resolve("not-a-folder"));
        StartupException e = assertThrows(StartupException.class, () -> Database.open(file.resolve("data")));
        assertEquals(true, e.getMessage().contains("DISPATCH_DATA_DIR"));
    }

    @Test
    void a_postgresql_that_cannot_be_reached_is_a_clear_startup_error() {
        Config config = Config.fromEnvironment(Map.of("DISPATCH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/dispatch",
            "DISPATCH_DATABASE_USER", "dispatch", "DISPATCH_DATABASE_PASSWORD", "secret"));
        StartupException e = assertThrows(StartupException.class, () -> Database.open(config));
        assertTrue(e.getMessage().startsWith("cannot connect to the database at jdbc:postgresql://127.0.0.1:1/dispatch"),
            e.getMessage());
        assertTrue(e.getMessage().contains("DISPATCH_DATABASE_URL"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "the password is never printed");
    }

    @Test
    void a_database_url_that_is_not_postgresql_is_a_clear_setting_error() {
        var e = assertThrows(IllegalArgumentException.class,
            () -> Config.fromEnvironment(Map.of("DISPATCH_DATABASE_URL", "mysql://localhost/dispatch")));
        assertTrue(e.getMessage().startsWith("DISPATCH_DATABASE_URL must be a PostgreSQL JDBC URL"), e.getMessage());
    }

    @Test
    void postgresql_is_only_used_when_a_database_url_is_set() {
        assertFalse(Config.fromEnvironment(Map.of()).postgresql());
        assumeTrue(TestDatabase.postgresql(), "the PostgreSQL run checks the dialect it opened");
        Database db = TestDatabase.open(dir);
        assertEquals(Dialect.POSTGRESQL, db.dialect());
        db.close();
    }
}
