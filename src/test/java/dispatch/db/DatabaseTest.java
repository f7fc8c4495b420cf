package dispatch.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dispatch.StartupException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void migrations_build_the_schema_and_a_second_open_changes_nothing() {
        Database.open(dir);
        Database again = Database.open(dir);
        int tables = again.jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                + "('sections','topics','images','image_renditions','authors','articles','article_authors',"
                + "'article_topics','corrections','pages')").mapTo(Integer.class).one());
        assertEquals(10, tables);
        assertEquals("wal", again.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one()));
    }

    @Test
    void a_failed_transaction_leaves_the_database_as_it_was() {
        Database db = Database.open(dir);
        assertThrows(RuntimeException.class, () -> db.jdbi().useTransaction(h -> {
            h.execute("INSERT INTO sections (slug, name, description, position) VALUES ('a', 'A', 'a', 0)");
            h.execute("INSERT INTO sections (slug, name, description, position) VALUES ('a', 'Again', 'a', 1)");
        }));
        int sections = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sections").mapTo(Integer.class).one());
        assertEquals(0, sections);
    }

    @Test
    void a_data_folder_that_cannot_be_written_is_a_clear_startup_error() throws Exception {
        Path file = Files.createFile(dir.resolve("not-a-folder"));
        StartupException e = assertThrows(StartupException.class, () -> Database.open(file.resolve("data")));
        assertEquals(true, e.getMessage().contains("DISPATCH_DATA_DIR"));
    }
}
