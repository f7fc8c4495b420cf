package dispatch.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

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
    void a_missing_standing_page_is_404() {
        try (var empty = TestSite.empty()) {
            assertEquals(404, empty.get("/about").statusCode());
        }
    }
}
