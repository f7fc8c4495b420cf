package dispatch.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.audit.AuditHistory;
import dispatch.audit.AuditReport;
import dispatch.audit.CheckResult;
import dispatch.audit.PageResult;
import dispatch.audit.Problem;
import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** /newsroom/audits: recorded audits, comparing two, and recording reviews of success criteria. */
@Tag("postgresql")
class AuditServletTest {
    private final TestSite site = TestSite.newsroom();

    private static Problem missingAlt(String page, String element) {
        return new Problem(page, "axe", "image-alt", "Images must have alternative text", "critical", "A",
            List.of("1.1.1"), element, "<img>", "Fix any of the following: add alt", "why", "https://help");
    }

    static AuditReport run(String started, Problem... problems) {
        String page = "http://127.0.0.1/";
        return new AuditReport(page, Instant.parse(started), Instant.parse(started).plusSeconds(60), 100, "sitemap",
            "tool", "4.11.1", "chrome", List.of(new PageResult(page, "Home", List.of(new CheckResult("axe",
            CheckResult.name("axe"), problems.length > 0 ? "failed" : "passed", List.of(problems), null, 10)), List.of(),
            List.of(), List.of(), List.of(), null)), null);
    }

    private Map<String, String> review(String notes, String date) {
        return Map.of("sc", "1.3.1", "verdict", "Supports", "scope", "every article page", "notes", notes,
            "reviewed_on", date);
    }

    @Test
    void an_editor_records_a_review_which_is_listed_and_logged() {
        Browsing editor = EditorServletTest.editor(site);
        var response = editor.post("/newsroom/audits", review("Headings, lists and tables checked with NVDA.", "2026-11-20"));
        assertEquals(303, response.statusCode());
        assertEquals("/newsroom/audits?done=reviewed", response.headers().firstValue("Location").orElseThrow());
        Document page = editor.page("/newsroom/audits?done=reviewed");
        assertTrue(page.selectFirst(".app-notice").text().contains("The review is recorded"));
        assertTrue(page.select("#reviews-caption ~ tbody tr").text().contains("Headings, lists and tables checked with NVDA."));
        assertTrue(new AuditHistory(site.database(), Clock.systemUTC()).reviews().stream()
            .anyMatch(r -> r.sc().equals("1.3.1") && r.reviewer().equals("Demo Editor")), "the next report can use it");
        assertTrue(site.database().jdbi().withHandle(h -> h.createQuery(
            "SELECT COUNT(*) FROM activity_log WHERE action = 'audit.review' AND target = '1.3.1'").mapTo(Integer.class).one()) > 0);
    }

    @Test
    void a_review_with_mistakes_is_shown_again_with_every_error_and_nothing_lost() {
        Browsing editor = EditorServletTest.editor(site);
        var response = editor.post("/newsroom/audits", Map.of("sc", "9.9.9", "verdict", "Maybe", "scope", "the home page",
            "notes", "", "reviewed_on", "2999-01-01"));
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.title().startsWith("Error: Accessibility audits"), page.title());
        assertEquals(List.of("#sc", "#verdict", "#notes", "#reviewed_on"),
            page.select(".app-error-summary a").eachAttr("href"));
        assertEquals("the home page", page.getElementById("scope").val());
        assertEquals("notes-error", page.getElementById("notes").attr("aria-describedby"));
    }

    @Test
    void contributors_cannot_see_audits() {
        Browsing writer = new Browsing(site);
        assertEquals(303, writer.signIn("writer@meridian-east.example", site.password("writer@meridian-east.example")).statusCode());
        assertEquals(403, writer.get("/newsroom/audits").statusCode());
        assertEquals(403, writer.post("/newsroom/audits", review("notes", "2026-11-20")).statusCode());
    }

    @Test
    void recorded_runs_are_listed_with_their_changes_and_two_can_be_compared() {
        AuditHistory history = new AuditHistory(site.database(), Clock.systemUTC());
        long first = history.record(run("2026-11-01T10:00:00Z", missingAlt("http://127.0.0.1/", "img.a")));
        long second = history.record(run("2026-11-02T10:00:00Z", missingAlt("http://127.0.0.1/", "img.b")));
        Browsing editor = EditorServletTest.editor(site);
        Document page = editor.page("/newsroom/audits");
        assertTrue(page.select("#runs-caption ~ tbody").text().contains("1 appeared, 1 fixed"), page.text());

        Document compared = editor.page("/newsroom/audits?from=" + first + "&to=" + second);
        String text = compared.text();
        assertTrue(text.contains("1 problem appeared and 1 was fixed"), text);
        assertTrue(text.contains("at img.b") && text.contains("at img.a"), text);

        Document same = editor.page("/newsroom/audits?from=" + first + "&to=" + first);
        assertTrue(same.getElementById("from-error").text().contains("Choose two different runs"));
    }
}
