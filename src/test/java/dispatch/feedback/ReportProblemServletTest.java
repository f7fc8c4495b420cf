package dispatch.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.Browsing;
import dispatch.support.TestSite;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Readers report accessibility problems from the statement; staff read them in the newsroom. */
@Tag("postgresql")
class ReportProblemServletTest {
    private final TestSite site = TestSite.newsroom();

    @Test
    void the_statement_carries_the_form_and_a_report_is_stored_and_confirmed() {
        Browsing reader = new Browsing(site);
        Document statement = reader.page("/accessibility");
        assertEquals("/accessibility/report", statement.selectFirst("#report-problem ~ form").attr("action"));

        var response = reader.post("/accessibility/report", Map.of("problem", "The map on the Lachin article has no text version.",
            "page", "/articles/lachin-corridor-from-lifeline-to-exodus", "email", "reader@example.org"));
        assertEquals(303, response.statusCode());
        assertEquals("/accessibility/report?sent", response.headers().firstValue("Location").orElseThrow());
        Document sent = reader.page("/accessibility/report?sent");
        assertEquals("Your report is sent – Meridian East", sent.title());
        assertTrue(sent.selectFirst(".app-notice").text().contains("Your report is sent"));
        assertTrue(sent.select("main a[href=/accessibility]").size() > 0, "another way to reach us");

        List<ProblemReportDao.Report> stored = site.database().dao(ProblemReportDao.class).latest(100);
        assertTrue(stored.stream().anyMatch(r -> r.problem().equals("The map on the Lachin article has no text version.")
            && r.email().equals("reader@example.org")));
    }

    @Test
    void a_report_with_mistakes_comes_back_with_every_error_and_nothing_lost() {
        Browsing reader = new Browsing(site);
        var response = reader.post("/accessibility/report", Map.of("problem", " ", "page", "the front page",
            "email", "not an address"));
        assertEquals(422, response.statusCode());
        Document page = Jsoup.parse(response.body());
        assertTrue(page.title().startsWith("Error: Report an accessibility problem"), page.title());
        assertEquals(List.of("#problem", "#email"), page.select(".app-error-summary a").eachAttr("href"));
        assertEquals("the front page", page.getElementById("page").val());
        assertEquals("not an address", page.getElementById("email").val());
    }

    @Test
    void a_form_without_its_token_is_refused_politely_and_keeps_the_text() {
        var response = site.send("POST", "/accessibility/report");
        assertEquals(422, response.statusCode());
        assertTrue(Jsoup.parse(response.body()).selectFirst(".app-error-summary").text().contains("too old to send"));
    }

    @Test
    void editors_read_the_reports_in_the_newsroom() {
        new Browsing(site).post("/accessibility/report", Map.of("problem", "Focus disappears in the search filters.",
            "page", "", "email", ""));
        Browsing editor = new Browsing(site);
        assertEquals(303, editor.signIn("editor@meridian-east.example", site.password("editor@meridian-east.example")).statusCode());
        String reports = editor.page("/newsroom/audits").select("#reports-caption ~ tbody").text();
        assertTrue(reports.contains("Focus disappears in the search filters.") && reports.contains("No reply wanted"), reports);
    }
}
