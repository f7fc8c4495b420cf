package dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.account.Accounts;
import dispatch.account.Role;
import dispatch.audit.AuditHistory;
import dispatch.audit.ReportFiles;
import dispatch.audit.Review;
import dispatch.db.Database;
import dispatch.support.FixtureSite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The audit command as an operator or a CI job uses it: its options, messages and exit codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class AuditCommandTest {
    @TempDir
    Path dir;
    private FixtureSite site;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeAll
    void start() {
        site = new FixtureSite();
    }

    @AfterAll
    void stop() {
        site.close();
    }

    private int audit(String... args) {
        return audit(Map.of(), args);
    }

    /** @param env the environment the command sees */
    private int audit(Map<String, String> env, String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "audit";
        System.arraycopy(args, 0, all, 1, args.length);
        return Cli.run(all, Config.fromEnvironment(Map.of()), env, new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String error() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The one line a mistake in the options gets, which names the option at fault and nothing else. */
    private void refused(String said, String... args) {
        assertEquals(2, audit(args), String.join(" ", args));
        assertEquals("dispatch: audit: " + said + " (java -jar dispatch.jar audit --help lists its options)\n", error(),
            String.join(" ", args));
        assertEquals("", output());
    }

    @Test
    void a_mistake_in_the_options_is_one_line_naming_the_option_at_fault_and_status_2() {
        String site = "http://127.0.0.1:1/";
        String out = dir.toString();
        refused("--base-url URL and --out DIR are missing");
        refused("--out DIR is missing", "--base-url", site);
        refused("--base-url URL is missing", "--out", out);
        refused("--base-url must be an http or https address, not \"ftp://example.org/\"",
            "--base-url", "ftp://example.org/", "--out", out);
        refused("--base-url must be an http or https address, not \"not a url\"", "--base-url", "not a url", "--out", out);
        refused("--max-pages must be a whole number from 1 to 10000, not \"0\"",
            "--base-url", site, "--out", out, "--max-pages", "0");
        refused("--max-pages must be a whole number from 1 to 10000, not \"many\"",
            "--base-url", site, "--out", out, "--max-pages", "many");
        refused("--sample must be a whole number from 1 to 10000, not \"some\"",
            "--base-url", site, "--out", out, "--sample", "some");
        refused("there is no option --colour", "--base-url", site, "--out", out, "--colour", "blue");
        refused("--fail-on must be one of a, aa, best-practice, new, not \"aaa\"",
            "--base-url", site, "--out", out, "--fail-on", "aaa");
        refused("--out is missing its value DIR", "--base-url", site, "--out");
        refused("--out is given twice: give it once", "--base-url", site, "--out", out, "--out", out);
        refused("--sign-in must be an http or https address, not \"ftp://example.org/\"",
            "--base-url", site, "--out", out, "--sign-in", "ftp://example.org/");
        refused("--username-field only goes with --sign-in", "--base-url", site, "--out", out, "--username-field", "u");
        refused("--password-field needs a field's name or id, not an empty one",
            "--base-url", site, "--out", out, "--sign-in", site, "--password-field", " ");
    }

    @Test
    void a_cookie_or_header_typed_wrong_is_refused_without_repeating_its_value() {
        String site = "http://127.0.0.1:1/";
        String out = dir.toString();
        refused("--cookie must be NAME=VALUE (what was typed is not repeated here)",
            "--base-url", site, "--out", out, "--cookie", "s3cret-token");
        refused("--cookie must be NAME=VALUE, and what comes before \"=\" is not a cookie's name (letters, digits and"
            + " !#$%&'*+-.^_`|~ only)", "--base-url", site, "--out", out, "--cookie", "a session=s3cret-token");
        refused("--cookie dispatch_session: a cookie's value may not hold a space, a comma, a semicolon, a backslash, a"
            + " quotation mark or a control character",
            "--base-url", site, "--out", out, "--cookie", "dispatch_session=s3cret; token");
        refused("--header must be \"Name: value\" (what was typed is not repeated here)",
            "--base-url", site, "--out", out, "--header", "Bearer s3cret-token");
        refused("--header Host: the browser sets this header itself", "--base-url", site, "--out", out, "--header",
            "Host: s3cret-token.example");
        refused("--header Cookie: give each cookie with --cookie NAME=VALUE", "--base-url", site, "--out", out,
            "--header", "Cookie: s=s3cret-token");
        refused("--header X-Token: a header's value may not hold a line break or a control character",
            "--base-url", site, "--out", out, "--header", "X-Token: s3cret\r\nX-Other: token");
        refused("an argument belongs to no option (each option takes one value: put a value with spaces in quotes)",
            "--base-url", site, "--out", out, "--cookie", "s=s3cret", "token");
    }

    @Test
    void sign_in_takes_the_account_from_the_environment_only_and_says_which_variable_is_missing() {
        String[] args = {"--base-url", site.url("/index.html"), "--out", dir.toString(), "--sign-in", site.url("/index.html")};
        assertEquals(2, audit(Map.of("DISPATCH_AUDIT_USERNAME", "auditor@example.org"), args));
        assertEquals("dispatch: audit: --sign-in takes the account from the environment variables DISPATCH_AUDIT_USERNAME"
            + " and DISPATCH_AUDIT_PASSWORD (never from the command line), and DISPATCH_AUDIT_PASSWORD is not set"
            + " (java -jar dispatch.jar audit --help lists its options)\n", error());
        assertEquals(2, audit(Map.of(), args));
        assertTrue(error().contains("and DISPATCH_AUDIT_USERNAME and DISPATCH_AUDIT_PASSWORD are not set"), error());
        assertEquals(2, audit(Map.of(), "--base-url", site.url("/index.html"), "--out", dir.toString(), "--password",
            "s3cret"), "there is no option that takes a password");
        assertEquals("dispatch: audit: there is no option --password (java -jar dispatch.jar audit --help lists its"
            + " options)\n", error());
        assertFalse(Files.exists(dir.resolve("report.html")));
    }

    @Test
    void a_site_that_cannot_be_reached_is_one_clear_line_and_status_3() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = free.getLocalPort();
        }
        assertEquals(3, audit("--base-url", "http://127.0.0.1:" + port + "/", "--out", dir.toString()));
        assertEquals("dispatch: cannot reach http://127.0.0.1:" + port + "/: is the address right, and is the site running?",
            error().strip());
        assertFalse(Files.exists(dir.resolve("report.html")));
    }

    @Test
    void an_output_folder_that_cannot_be_made_is_one_line_before_any_page_is_checked() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "");
        assertEquals(3, audit("--base-url", site.url("/index.html"), "--out", file.resolve("reports").toString()));
        assertEquals(1, error().strip().lines().count(), error());
        assertTrue(error().startsWith("dispatch: cannot create the folder " + file.resolve("reports")), error());
        assertFalse(output().contains("Checking page"), output());
    }

    @Test
    void a_reviews_file_that_cannot_be_used_stops_the_audit_before_it_starts() throws Exception {
        Path reviews = Files.writeString(dir.resolve("reviews.json"),
            "[{\"sc\": \"1.3.1\", \"verdict\": \"Fine\", \"date\": \"2026-11-20\", \"reviewer\": \"A\"}]");
        assertEquals(3, audit("--base-url", site.url("/index.html"), "--out", dir.toString(), "--reviews", reviews.toString()));
        assertTrue(error().startsWith("dispatch: in " + reviews + ": the verdict for 1.3.1 must be one of"), error());
        Files.writeString(reviews, "not json");
        assertEquals(3, audit("--base-url", site.url("/index.html"), "--out", dir.toString(), "--reviews", reviews.toString()));
        assertEquals(1, error().strip().lines().count(), error());
        assertTrue(error().startsWith("dispatch: cannot read the reviews in "), error());
    }

    @Test
    void record_stores_the_run_and_uses_the_reviews_recorded_in_the_newsroom() throws Exception {
        Path data = dir.resolve("data");
        try (Database database = Database.open(data)) {
            recordsTheRun(database, data);
        }
    }

    private void recordsTheRun(Database database, Path data) throws Exception {
        long user = new Accounts(database, java.time.Clock.systemUTC(), Accounts.realPause())
            .create("editor@example.org", "An Editor", Role.EDITOR, "a long enough password", null).id();
        AuditHistory history = new AuditHistory(database, java.time.Clock.systemUTC());
        history.review(new Review("2.4.2", "Supports", "Every title names its page.", "every page",
            java.time.LocalDate.parse("2026-11-20"), "An Editor"), user);
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        int code = Cli.run(new String[] {"audit", "--base-url", site.url("/index.html"), "--out", dir.resolve("r").toString(),
                "--max-pages", "1", "--record"}, Config.fromEnvironment(Map.of("DISPATCH_DATA_DIR", data.toString())),
            new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, output() + error());
        assertTrue(output().contains("Recorded in the database"), output());
        assertEquals(1, history.runs(10).size());
        assertEquals(1, history.runs(10).get(0).pages());
        assertTrue(Files.readString(dir.resolve("r").resolve("acr.json")).contains("Reviewed by An Editor on 2026-11-20"));
    }

    @Test
    void fail_on_chooses_which_problems_fail_the_run_and_new_compares_with_the_report_already_there() {
        String page = site.url("/dark-contrast.html");  // a contrast failure: level AA
        assertEquals(0, audit("--base-url", page, "--out", dir.resolve("a").toString(), "--max-pages", "1",
            "--fail-on", "a"), output() + error());
        assertTrue(output().contains("None of them is at level A, so the audit passes (--fail-on a)."), output());
        assertEquals(1, audit("--base-url", page, "--out", dir.resolve("aa").toString(), "--max-pages", "1",
            "--fail-on", "AA"), output() + error());

        Path gate = dir.resolve("gate");
        assertEquals(1, audit("--base-url", page, "--out", gate.toString(), "--max-pages", "1", "--fail-on", "new"),
            "with no earlier report every problem is new: " + output());
        assertEquals(0, audit("--base-url", page, "--out", gate.toString(), "--max-pages", "1", "--fail-on", "new"),
            output() + error());
        assertTrue(output().contains("None of them is new since the previous report"), output());
    }

    @Test
    void problems_found_exit_1_so_that_ci_fails_and_a_clean_site_exits_0() throws Exception {
        Path faulty = dir.resolve("faulty");
        assertEquals(1, audit("--base-url", site.url("/image-without-alt.html"), "--out", faulty.toString(),
            "--max-pages", "1"), output() + error());
        assertTrue(output().contains("Checking page 1 of 1: " + site.url("/image-without-alt.html") + " (problems so far: 0)"),
            output());
        assertTrue(output().contains("Checked 1 page: 1 problem at WCAG A or AA"), output());
        for (String file : ReportFiles.FILES) {
            assertTrue(Files.size(faulty.resolve(file)) > 0, file);
        }

        Path reviews = Files.writeString(dir.resolve("reviews.json"), """
            [{"sc": "1.3.1", "verdict": "Supports", "notes": "Headings, lists and tables checked by hand.",
              "scope": "the home page", "date": "2026-11-20", "reviewer": "A. Reviewer"}]""");
        Path clean = dir.resolve("clean");
        assertEquals(0, audit("--base-url", site.url("/index.html"), "--out", clean.toString(), "--max-pages", "1",
            "--reviews", reviews.toString()), output() + error());
        assertEquals("", error());
        assertTrue(Files.readString(clean.resolve("acr.json")).contains("Reviewed by A. Reviewer on 2026-11-20"));
    }
}
