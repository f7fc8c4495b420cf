package dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dispatch.account.Accounts;
import dispatch.account.Role;
import dispatch.support.TestSite;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --sign-in} against Dispatch's own newsroom, with an editor made for the test
 * through the accounts: signed in, the newsroom's pages are audited; not signed in, the audit
 * meets the sign-in page instead; a wrong password stops the audit before it starts. The account
 * appears nowhere: not on the terminal, not in the reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("browser")
class AuditSignInTest {
    private final TestSite site = TestSite.newsroom();
    private final String email = "auditor-" + UUID.randomUUID() + "@example.org";
    private final String password = "Audit-" + UUID.randomUUID();
    @TempDir
    Path dir;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeAll
    void anEditor() {
        new Accounts(site.database(), Clock.systemUTC(), Accounts.realPause())
            .create(email, "An Auditor", Role.EDITOR, password, null);
    }

    private int audit(Map<String, String> env, String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("audit"));
        all.addAll(List.of(args));
        return Cli.run(all.toArray(String[]::new), Config.fromEnvironment(Map.of()), env,
            new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> paths(Path report) throws IOException {
        List<String> paths = new ArrayList<>();
        for (JsonNode page : new ObjectMapper().readTree(report.toFile()).get("pages")) {
            paths.add(URI.create(page.get("url").asText()).getPath());
        }
        return paths;
    }

    @Test
    void signed_in_the_newsroom_pages_are_audited_and_the_report_says_so_without_saying_as_whom() throws IOException {
        Path reports = dir.resolve("signed-in");
        int code = audit(Map.of("DISPATCH_AUDIT_USERNAME", email, "DISPATCH_AUDIT_PASSWORD", password),
            "--base-url", site.url("/newsroom/images"), "--out", reports.toString(), "--max-pages", "3",
            "--sign-in", site.url("/newsroom/sign-in"));
        assertTrue(code == 0 || code == 1, said());
        assertTrue(said().contains("Signed in: the sign-in led to " + site.url("/newsroom")), said());
        List<String> paths = paths(reports.resolve("report.json"));
        // The first page asked for, then the page signing in led to, then the links from them.
        assertEquals(List.of("/newsroom/images", "/newsroom"), paths.subList(0, 2), paths.toString());
        assertFalse(paths.contains("/newsroom/sign-in"), paths.toString());
        String html = Files.readString(reports.resolve("report.html"));
        assertTrue(html.contains("The audit signed in through the sign-in form at <a href=\"" + site.url("/newsroom/sign-in")
            + "\">"), html);
        for (String file : List.of("report.html", "report.json", "junit.xml", "earl.jsonld", "acr.html", "acr.json")) {
            String text = Files.readString(reports.resolve(file));
            assertFalse(text.contains(email) || text.contains(password), file);
        }
        assertFalse(said().contains(email) || said().contains(password), said());
    }

    @Test
    void not_signed_in_the_audit_meets_the_sign_in_page_and_no_other_newsroom_page() throws IOException {
        Path reports = dir.resolve("anonymous");
        int code = audit(Map.of(), "--base-url", site.url("/newsroom/images"), "--out", reports.toString(),
            "--max-pages", "2");
        assertTrue(code == 0 || code == 1, said());
        List<String> paths = paths(reports.resolve("report.json"));
        assertEquals("/newsroom/sign-in", paths.get(0), paths.toString());
        assertEquals(List.of("/newsroom/sign-in"), paths.stream().filter(p -> p.startsWith("/newsroom")).toList());
    }

    @Test
    void a_wrong_password_ends_with_one_line_and_status_2_before_any_page_is_audited() {
        Path reports = dir.resolve("refused");
        String wrong = "Wrong-" + UUID.randomUUID();
        assertEquals(2, audit(Map.of("DISPATCH_AUDIT_USERNAME", email, "DISPATCH_AUDIT_PASSWORD", wrong),
            "--base-url", site.url("/newsroom/images"), "--out", reports.toString(),
            "--sign-in", site.url("/newsroom/sign-in")),
            said());
        assertEquals("dispatch: signing in at " + site.url("/newsroom/sign-in") + " did not work: the form came back"
            + " (are DISPATCH_AUDIT_USERNAME and DISPATCH_AUDIT_PASSWORD right?)\n", err.toString(StandardCharsets.UTF_8));
        assertFalse(said().contains("Checking page"), said());
        assertFalse(said().contains(email) || said().contains(wrong), said());
        assertFalse(Files.exists(reports.resolve("report.html")));
    }
}
