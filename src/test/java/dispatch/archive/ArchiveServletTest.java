package dispatch.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.support.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("postgresql")
class ArchiveServletTest {
    private final TestSite site = TestSite.demo();

    @Test
    void the_archive_goes_from_years_to_months_to_articles() {
        Document years = Jsoup.parse(site.get("/archive").body());
        assertTrue(years.select("main a[href=/archive/2023]").size() == 1, "2023 is listed");
        Document year = Jsoup.parse(site.get("/archive/2023").body());
        assertEquals("Archive: 2023 – Meridian East", year.title());
        assertTrue(year.select("main a[href=/archive/2023/09]").text().equals("September 2023"));
        Document month = Jsoup.parse(site.get("/archive/2023/09").body());
        assertEquals("September 2023", month.selectFirst("h1").text());
        assertTrue(month.select("main a[href=/articles/erdogan-aliyev-meet-as-thousands-flee-karabakh]").size() == 1);
    }

    @Test
    void periods_without_articles_or_that_cannot_exist_are_404() {
        for (String path : new String[] {"/archive/1999", "/archive/2023/13", "/archive/2023/00", "/archive/23", "/archive/2023/9",
                "/archive/2023/09?page=5"}) {
            assertEquals(404, site.get(path).statusCode(), path);
        }
    }
}
