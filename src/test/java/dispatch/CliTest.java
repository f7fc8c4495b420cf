package dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("postgresql")
class CliTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return runWithInput("", env, args);
    }

    private int runWithInput(String input, Map<String, String> env, String... args) {
        return Cli.run(args, Config.fromEnvironment(env),
            new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_port_in_use_is_one_clear_line_not_a_stack_trace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int code = run(Map.of("DISPATCH_PORT", String.valueOf(taken.getLocalPort()),
                "DISPATCH_DATA_DIR", dir.toString(), "DISPATCH_DEMO", "false"));
            assertEquals(1, code);
            assertEquals(1, error().strip().lines().count(), error());
            assertTrue(error().contains("cannot listen on 127.0.0.1:" + taken.getLocalPort()), error());
            assertFalse(error().contains("\tat "));
        }
    }

    @Test
    void a_data_folder_that_cannot_be_written_is_one_clear_line() throws Exception {
        Path file = Files.createFile(dir.resolve("file"));
        int code = run(Map.of("DISPATCH_PORT", "0", "DISPATCH_DATA_DIR", file.resolve("data").toString()));
        assertEquals(1, code);
        assertTrue(error().startsWith("dispatch: the data folder "), error());
        assertEquals(1, error().strip().lines().count(), error());
    }

    @Test
    void unknown_commands_are_refused_with_the_usage() {
        assertEquals(2, run(Map.of(), "frobnicate"));
        assertTrue(error().contains("Usage: java -jar dispatch.jar"));
    }

    @Test
    void a_bad_port_setting_is_explained() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Config.fromEnvironment(Map.of("DISPATCH_PORT", "eighty")));
        assertTrue(e.getMessage().contains("DISPATCH_PORT"));
    }

    @Test
    void a_setting_that_cannot_be_read_stops_the_program_with_one_line_and_status_2() throws Exception {
        ProcessBuilder program = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), "dispatch.App");
        program.environment().put("DISPATCH_PORT", "eighty");
        program.redirectErrorStream(true);
        Process started = program.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(started.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(2, started.exitValue(), output);
        assertEquals(java.util.List.of("dispatch: DISPATCH_PORT must be a number from 0 to 65535, not \"eighty\""),
            output.strip().lines().toList());
    }

    /** The data folder and, in the PostgreSQL test run, a fresh database: the commands use both. */
    private Map<String, String> site(String... more) {
        Map<String, String> env = new java.util.HashMap<>(dispatch.support.TestDatabase.freshSettings());
        env.put("DISPATCH_DATA_DIR", dir.toString());
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    @Test
    void a_postgresql_that_cannot_be_reached_is_one_clear_line() {
        int code = run(Map.of("DISPATCH_PORT", "0", "DISPATCH_DATA_DIR", dir.toString(),
            "DISPATCH_DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/dispatch"));
        assertEquals(1, code);
        assertTrue(error().startsWith("dispatch: cannot connect to the database at jdbc:postgresql://127.0.0.1:1/dispatch"),
            error());
        assertEquals(1, error().strip().lines().count(), error());
    }

    @Test
    void create_user_reads_the_password_from_standard_input_and_the_user_can_sign_in() {
        Map<String, String> env = site();
        int code = runWithInput("a sturdy password\n", env,
            "create-user", "--email", "Chief@Example.org", "--name", "Chief Editor", "--role", "admin");
        assertEquals(0, code, error());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Chief Editor <chief@example.org>"));
        try (var database = dispatch.db.Database.open(Config.fromEnvironment(env))) {
            var accounts = new dispatch.account.Accounts(database, java.time.Clock.systemUTC(), d -> { });
            assertTrue(accounts.signIn("chief@example.org", "a sturdy password", "127.0.0.1") instanceof dispatch.account.Accounts.SignedIn);
        }
        assertEquals(1, runWithInput("another password\n", env,
            "create-user", "--email", "chief@example.org", "--name", "Again", "--role", "editor"), "no duplicates");
    }

    @Test
    void create_user_refuses_a_short_password_or_missing_options() {
        Map<String, String> env = site();
        assertEquals(1, runWithInput("short\n", env, "create-user", "--email", "a@example.org", "--name", "A", "--role", "editor"));
        assertEquals(2, runWithInput("long enough password", env, "create-user", "--email", "a@example.org"));
        assertTrue(error().contains("--role"));
    }

    @Test
    void check_reports_on_every_published_article_and_fails_when_one_has_errors() {
        Map<String, String> env = site("DISPATCH_DEMO", "false");
        // Closed at the end, so that no pool outlives its data folder.
        try (var db = dispatch.db.Database.open(Config.fromEnvironment(env))) {
            checkReports(env, db);
        }
    }

    private void checkReports(Map<String, String> env, dispatch.db.Database db) {
        new dispatch.demo.DemoPublication(db, dir).loadIfEmpty();
        assertEquals(0, run(env, "check", "--all"), out.toString(StandardCharsets.UTF_8) + error());
        int published = db.jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM articles WHERE status = 'published'").mapTo(Integer.class).one());
        String report = out.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("Checked " + published + " published articles: 0 with errors"), report);
        assertTrue(report.contains("Drafts and scheduled articles are not checked by --all"), report);
        // Clean articles are named too, so a short report cannot hide a skipped one.
        assertTrue(report.contains("lake-urmia-and-iran-water-crisis (published): "), report);
        assertEquals(published, report.lines().filter(l -> l.matches("\\S+ \\(published\\): .*")).count(), report);
        db.jdbi().useHandle(h -> h.execute(
            "UPDATE articles SET body_markdown = '# A second main heading' WHERE slug = 'lake-urmia-and-iran-water-crisis'"));
        assertEquals(1, run(env, "check", "lake-urmia-and-iran-water-crisis"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("heading-level-1"), out.toString(StandardCharsets.UTF_8));
        assertEquals(1, run(env, "check", "no-such-article"));
    }
}
