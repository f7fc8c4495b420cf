package dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a person meets it: every command's --help, and mistakes in what was typed
 * refused in one line that names them, with status 2. The data folder here cannot be made, so a
 * command that got as far as opening the database would end with status 1 instead: these
 * mistakes are told before anything is opened.
 */
class CommandLineTest {
    /** Each command and everything it takes, as its help must describe it. */
    private static final Map<String, List<String>> OPTIONS = Map.of(
        "serve", List.of("--help"),
        "audit", List.of("--base-url", "--out", "--max-pages", "--sample", "--reviews", "--fail-on", "--record",
            "--ignore-robots", "--cookie", "--header", "--sign-in", "--username-field", "--password-field", "--help"),
        "backup", List.of("--to", "--force", "--help"),
        "check", List.of("--all", "SLUG...", "--help"),
        "create-user", List.of("--email", "--name", "--role", "--help"));

    @TempDir
    Path dir;
    private Path dataDir;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void aDataFolderThatCannotBeMade() throws Exception {
        dataDir = Files.createFile(dir.resolve("a-file")).resolve("data");
    }

    private int run(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        return Cli.run(args, Config.fromEnvironment(Map.of("DISPATCH_DATA_DIR", dataDir.toString())),
            InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The option at the start of a line of the help, with words describing it on the same line. */
    private static boolean described(String help, String option) {
        return Pattern.compile("(?m)^ +(-h, )?" + Pattern.quote(option) + "(=[A-Z:=]+)? {2,}\\S").matcher(help).find();
    }

    @Test
    void every_command_has_a_help_that_describes_each_of_its_options_and_exits_0() {
        OPTIONS.forEach((command, options) -> {
            assertEquals(0, run(command, "--help"), command + ": " + error());
            assertEquals("", error(), command);
            assertTrue(output().startsWith("Usage: java -jar dispatch.jar " + command), output());
            for (String option : options) {
                assertTrue(described(output(), option), command + " " + option + ":\n" + output());
            }
        });
        assertEquals(0, run("audit", "-h"));
        assertTrue(output().contains("Audit any website in headless Chromium"), output());
    }

    @Test
    void the_help_lists_every_command_with_what_it_does_and_help_command_shows_a_commands_help() {
        assertEquals(0, run("--help"));
        String help = output();
        assertTrue(help.startsWith("Usage: java -jar dispatch.jar"), help);
        for (String command : OPTIONS.keySet()) {
            assertTrue(Pattern.compile("(?m)^ +" + Pattern.quote(command) + " {2,}[A-Z]").matcher(help).find(),
                command + ":\n" + help);
        }
        assertEquals(0, run("help"));
        assertEquals(help, output());
        assertEquals(0, run("audit", "--help"));
        String audit = output();
        assertEquals(0, run("help", "audit"));
        assertEquals(audit, output());
    }

    @Test
    void an_unknown_command_is_named_in_one_line_before_the_list_of_commands() {
        assertEquals(2, run("frob\nnicate", "--all"));
        List<String> lines = error().lines().toList();
        assertEquals("dispatch: unknown command \"frob nicate\"", lines.get(0));
        assertTrue(lines.get(1).startsWith("Usage: java -jar dispatch.jar"), error());
        assertTrue(error().contains("create-user"), error());
        assertEquals("", output());
    }

    /** Status 2 and a single line on standard error that names every one of {@code named}. */
    private void refusedInOneLine(List<String> args, String... named) {
        assertEquals(2, run(args.toArray(String[]::new)), args + ": " + error());
        String said = error();
        assertEquals(1, said.strip().lines().count(), said);
        assertTrue(said.startsWith("dispatch: "), said);
        for (String name : named) {
            assertTrue(said.contains(name), args + " names " + name + ": " + said);
        }
        assertFalse(said.contains("\tat ") || said.contains("Exception"), said);
        assertEquals("", output(), args.toString());
    }

    private void missing(List<String> args, String option) {
        refusedInOneLine(args, option);
        assertTrue(error().toLowerCase(Locale.ROOT).contains("missing"), error());
    }

    @Test
    void a_missing_required_option_is_one_line_naming_it_and_status_2() {
        missing(List.of("backup"), "--to");
        missing(List.of("backup", "--to"), "--to");
        missing(List.of("create-user", "--email", "a@example.org", "--name", "A"), "--role");
        missing(List.of("audit", "--base-url", "http://127.0.0.1:1/"), "--out");
        missing(List.of("audit", "--base-url", "http://127.0.0.1:1/", "--out", dir.toString(), "--max-pages"),
            "--max-pages");
        missing(List.of("check"), "--all");
    }

    @Test
    void an_unknown_option_is_one_line_naming_it_and_status_2() {
        String copy = dir.resolve("copy.db").toString();
        refusedInOneLine(List.of("backup", "--to", copy, "--colour", "blue"), "--colour");
        refusedInOneLine(List.of("audit", "--base-url", "http://127.0.0.1:1/", "--out", dir.toString(), "--depth", "3"),
            "--depth");
        refusedInOneLine(List.of("check", "--every"), "--every");
        refusedInOneLine(List.of("serve", "--port", "80"), "--port");
        // The password is read from standard input only, never taken from the command line.
        refusedInOneLine(List.of("create-user", "--email", "a@example.org", "--name", "A", "--role", "editor",
            "--password", "a long enough password"), "--password");
    }

    @Test
    void a_bad_value_is_one_line_naming_the_option_and_the_value() {
        refusedInOneLine(List.of("audit", "--base-url", "http://127.0.0.1:1/", "--out", dir.toString(),
            "--max-pages", "abc"), "--max-pages", "\"abc\"");
        refusedInOneLine(List.of("audit", "--base-url", "http://127.0.0.1:1/", "--out", dir.toString(),
            "--max-pages", "10001"), "--max-pages", "\"10001\"");
        refusedInOneLine(List.of("audit", "--base-url", "ftp://example.org/", "--out", dir.toString()),
            "--base-url", "\"ftp://example.org/\"");
        refusedInOneLine(List.of("audit", "--base-url", "http://127.0.0.1:1/", "--out", dir.toString(),
            "--fail-on", "aaa"), "--fail-on", "\"aaa\"");
        refusedInOneLine(List.of("create-user", "--email", "a@example.org", "--name", "A", "--role", "wizard"),
            "--role", "'wizard'");
        refusedInOneLine(List.of("create-user", "--email", "a@example.org", "--name", "A", "--role", "reader"),
            "--role", "'reader'");
        refusedInOneLine(List.of("create-user", "--email", "not-an-address", "--name", "A", "--role", "editor"),
            "--email", "'not-an-address'");
        refusedInOneLine(List.of("create-user", "--email", "a@example.org", "--name", " \u0000 ", "--role", "editor"),
            "--name");
        refusedInOneLine(List.of("check", "lake-urmia-and-iran-water-crisis", "--all"), "--all");
        refusedInOneLine(List.of("check", "--all", "lake-urmia-and-iran-water-crisis"), "'lake-urmia-and-iran-water-crisis'");
    }

    @Test
    void a_value_with_a_line_break_in_it_is_still_refused_in_one_line() {
        refusedInOneLine(List.of("create-user", "--email", "a@example.org", "--name", "A", "--role", "wiz\nard"),
            "--role", "wiz ard");
    }

    @Test
    void a_database_that_cannot_be_opened_is_one_line_and_status_1() {
        for (String[] args : new String[][] {{"check", "--all"},
                {"create-user", "--email", "a@example.org", "--name", "A", "--role", "editor"}}) {
            assertEquals(1, run(args), String.join(" ", args));
            assertEquals(1, error().strip().lines().count(), error());
            assertTrue(error().startsWith("dispatch: the data folder " + dataDir), error());
        }
    }
}
