package dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dispatch.db.Database;
import dispatch.support.TestDatabase;
import dispatch.support.TestSite;
import dispatch.web.WebServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Server;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup command, and restoring what it wrote, as the README describes. */
@Tag("postgresql")
class BackupTest {
    private static final String SQLITE_ONLY = "the backup command copies SQLite's file with VACUUM INTO;"
        + " PostgreSQL is backed up with pg_dump";
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int backup(Path dataDir, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "backup";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all, Config.fromEnvironment(Map.of("DISPATCH_DATA_DIR", dataDir.toString())),
            InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void a_backup_of_a_serving_site_restores_into_a_new_data_folder_with_the_same_articles() throws Exception {
        assumeFalse(TestDatabase.postgresql(), SQLITE_ONLY);
        TestSite live = TestSite.demo();  // the run's shared site, stopped at exit
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Thread readers = new Thread(() -> {
            while (reading.get()) {
                boolean ok;
                try {
                    ok = live.get("/").statusCode() == 200;
                } catch (RuntimeException e) {
                    ok = false;
                }
                (ok ? served : failed).incrementAndGet();
            }
        });
        readers.start();
        // The backup begins once readers are being served, and must not get in their way.
        while (served.get() == 0 && failed.get() == 0) {
            Thread.onSpinWait();
        }
        Path file = dir.resolve("meridian.db");
        int code;
        try {
            code = backup(live.dataDir(), "--to", file.toString());
        } finally {
            reading.set(false);
            readers.join();
        }
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals(0, failed.get(), "the site went on serving during the backup");
        assertTrue(served.get() > 0);
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Backed up "));

        // Restore as the README says: the backup becomes dispatch.db in the (new) data folder.
        Path restored = Files.createDirectories(dir.resolve("restored"));
        Files.copy(file, restored.resolve("dispatch.db"));
        Config config = Config.fromEnvironment(Map.of("DISPATCH_PORT", "0", "DISPATCH_DATA_DIR", restored.toString(),
            "DISPATCH_DEMO", "false", "DISPATCH_ACCESS_LOG", "false"));
        Database database = Database.open(restored);
        String query = "SELECT slug FROM articles WHERE status = 'published' ORDER BY slug";
        List<String> before = live.database().jdbi().withHandle(h -> h.createQuery(query).mapTo(String.class).list());
        assertEquals(before, database.jdbi().withHandle(h -> h.createQuery(query).mapTo(String.class).list()));
        Server server = WebServer.newServer(config, database);
        server.start();
        try {
            String base = WebServer.address(server, config);
            String slug = before.get(0);
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "articles/" + slug)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertEquals(Jsoup.parse(live.get("/articles/" + slug).body()).selectFirst("h1").text(),
                Jsoup.parse(page.body()).selectFirst("h1").text());
        } finally {
            server.stop();
            database.close();
        }
    }

    @Test
    void an_existing_file_is_kept_unless_force_is_given() throws Exception {
        assumeFalse(TestDatabase.postgresql(), SQLITE_ONLY);
        TestSite live = TestSite.demo();  // the run's shared site, stopped at exit
        Path file = Files.writeString(dir.resolve("precious.db"), "keep me");
        assertEquals(1, backup(live.dataDir(), "--to", file.toString()));
        assertEquals("keep me", Files.readString(file));
        assertEquals(1, err.toString(StandardCharsets.UTF_8).strip().lines().count());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--force"));
        assertEquals(0, backup(live.dataDir(), "--to", file.toString(), "--force"));
        assertTrue(Files.size(file) > 100_000, "replaced by the database");
        assertFalse(Files.list(dir).anyMatch(p -> p.getFileName().toString().endsWith(".partial")), "no leftovers");
    }

    @Test
    void mistakes_are_one_clear_line() {
        assertEquals(2, backup(dir, "--to"));
        assertEquals(2, backup(dir));
        assertEquals(1, backup(dir.resolve("nowhere"), "--to", dir.resolve("copy.db").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("there is no database at"));
        assertEquals(1, backup(dir, "--to", dir.resolve("no/such/folder/copy.db").toString()));
        String all = err.toString(StandardCharsets.UTF_8);
        assertEquals(4, all.strip().lines().count(), all);
        assertFalse(all.contains("\tat "));
    }

    @Test
    void on_postgresql_the_command_says_to_use_pg_dump_in_one_line() {
        Config config = Config.fromEnvironment(Map.of("DISPATCH_DATA_DIR", dir.toString(),
            "DISPATCH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/dispatch"));
        int code = Cli.run(new String[] {"backup", "--to", dir.resolve("copy.db").toString()}, config,
            InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, said.strip().lines().count(), said);
        assertTrue(said.contains("PostgreSQL") && said.contains("pg_dump"), said);
        assertFalse(Files.exists(dir.resolve("copy.db")));
    }
}
