package dispatch.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.audit.AuditHistory;
import dispatch.audit.AuditReport;
import dispatch.audit.CheckResult;
import dispatch.audit.PageResult;
import dispatch.audit.Problem;
import dispatch.support.TestSite;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class PageServletTest {
    private final TestSite site = TestSite.demo();

    @Test
    void standing_pages_are_served_with_their_own_titles() {
        assertEquals("About Meridian East – Meridian East", Jsoup.parse(site.get("/about").body()).title());
        Document statement = Jsoup.parse(site.get("/accessibility").body());
        assertEquals("Accessibility statement – Meridian East", statement.title());
        assertTrue(statement.select("main h2").eachText().contains("Reporting a problem"));
        assertTrue(Jsoup.parse(site.get("/membership").body()).text().contains("$100 a year"));
    }

    @Test
    void the_accessibility_statement_gives_the_latest_recorded_audit_and_its_known_problems() {
        Document before = Jsoup.parse(site.get("/accessibility").body());
        assertTrue(before.getElementById("latest-audit") == null, "no audit recorded on the demo site");

        TestSite newsroom = TestSite.newsroom();
        String page = newsroom.url("/");
        Problem reflow = new Problem(page, "reflow", "reflow", "Content does not reflow at 320 CSS pixels", "serious", "AA",
            List.of("1.4.10"), "html", null, "the page is 900 px wide", "why", "https://help");
        Instant now = Instant.now();
        new AuditHistory(newsroom.database(), Clock.systemUTC()).record(new AuditReport(page, now, now.plusSeconds(60), 100,
            "sitemap", "tool", "4.11.1", "chrome", List.of(new PageResult(page, "Home", List.of(new CheckResult("reflow",
            CheckResult.name("reflow"), "failed", List.of(reflow), null, 10)), List.of(), List.of(), List.of(), List.of(),
            null)), null));

        Document statement = Jsoup.parse(newsroom.get("/accessibility").body());
        String audit = statement.getElementById("latest-audit").parent().text();
        assertTrue(audit.contains("checked 1 page of this site") && audit.contains("It found 1 problem"), audit);
        assertTrue(audit.contains("Content does not reflow at 320 CSS pixels (1.4.10 Reflow (AA)), on 1 page"), audit);
    }

    @Test
    void a_missing_standing_page_is_404() {
        try (var empty = TestSite.empty()) {
            assertEquals(404, empty.get("/about").statusCode());
        }
    }
}
